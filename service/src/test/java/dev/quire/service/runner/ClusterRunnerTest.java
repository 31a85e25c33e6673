package dev.quire.service.runner;

import dev.quire.pipeline.ProcessingMode;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster runner against a stand-in {@code spark-submit} (a shell script in a temporary Spark
 * home) that records its arguments and plays a job: its behaviour is chosen by the output path.
 * The stand-in never connects back to the launcher, as a real driver would, so the handle's state
 * comes from the process's exit (LOST for 0, FAILED otherwise, KILLED on kill).
 */
class ClusterRunnerTest {
    private static final String STAND_IN = """
            #!/bin/sh
            here="$(cd "$(dirname "$0")/.." && pwd)"
            printf '%s\\n' "$@" > "$here/args.txt"
            case "$*" in
              *--output=/out/ok*)
                echo "26/12/01 INFO SparkContext: Running Spark version 4.1.3" >&2
                echo '{"event":"planned","run_id":"r1","documents":2,"pages":3}'
                echo '{"event":"document","doc_id":"d1","path":"a.pdf","status":"ok","pages":1}'
                echo '{"event":"document","doc_id":"d2","path":"b.pdf","status":"failed","pages":2}'
                echo '{"event":"finished","run_id":"r1","documents":{"ok":1,"failed":1},"pages":{"ocr":1,"failed":2},"seconds":1.0,"output":"/out/ok"}'
                exit 3 ;;
              *--output=/out/fail*)
                echo "Exception in thread main java.lang.IllegalStateException" >&2
                echo "	at org.apache.spark.Foo.bar(Foo.scala:1)" >&2
                echo "quire: input path 'hdfs:///nope' does not exist" >&2
                exit 1 ;;
              *--output=/out/slow*)
                exec sleep 60 ;;
              *)
                exit 0 ;;
            esac
            """;

    @TempDir
    Path dir;

    private Path sparkHome;
    private Path jar;
    private Path properties;

    @BeforeEach
    void standIn() throws Exception {
        sparkHome = Files.createDirectories(dir.resolve("spark"));
        Path submit = Files.writeString(Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit"), STAND_IN);
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.writeString(dir.resolve("quire-cluster.jar"), "stand-in");
        properties = Files.writeString(dir.resolve("spark-cluster.conf"), "spark.executor.cores 4\n");
    }

    private ServiceConfig config(String deployMode) {
        return TestSetup.config(dir.resolve("data"), Map.of("runner.kind", "cluster",
                "cluster.master", "spark://head:7077", "cluster.deployMode", deployMode,
                "cluster.sparkHome", sparkHome.toString(), "cluster.jar", jar.toString(),
                "cluster.properties", properties.toString(), "runner.cancelGraceSeconds", "2",
                "runner.sparkConf", "spark.ui.enabled=false,spark.executor.memory=2g"));
    }

    private RecordingListener run(String output, String deployMode) throws Exception {
        RecordingListener l = new RecordingListener();
        RunHandle h = JobRunner.of(config(deployMode)).start("job-1", new JobSpec(List.of("hdfs:///pdfs", "/local/x.pdf"),
                output, ProcessingMode.AUTO, 200, null, true), l);
        l.awaitEnd(30);
        h.done().get(5, TimeUnit.SECONDS);
        return l;
    }

    @Test
    void submitsTheClusterJarWithTheJobsOptions() throws Exception {
        RecordingListener l = run("/out/ok", "client");
        List<String> args = Files.readAllLines(sparkHome.resolve("args.txt"));
        assertThat(args).containsSequence("--master", "spark://head:7077");
        assertThat(args).containsSequence("--deploy-mode", "client");
        assertThat(args).containsSequence("--properties-file", properties.toString());
        assertThat(args).containsSequence("--name", "quire job job-1");
        assertThat(args).containsSequence("--conf", "spark.executor.memory=2g");
        assertThat(args).containsSequence("--conf", "spark.ui.enabled=false");
        assertThat(args).containsSequence("--class", "dev.quire.cli.Quire");
        int app = args.indexOf(jar.toString());
        assertThat(args.subList(app + 1, args.size())).containsExactly("run", "--events", "-q",
                "--input=hdfs:///pdfs", "--input=/local/x.pdf", "--output=/out/ok", "--mode=auto", "--dpi=200",
                "--incremental");
        assertThat(l.error).isNull();
    }

    @Test
    void aClientModeRunWithSomeFailedDocumentsIsACommittedRunWithItsCounts() throws Exception {
        // exit 3: the launcher calls it FAILED; the job's finished line says the run was committed
        RecordingListener l = run("/out/ok", "client");
        assertThat(l.result).isEqualTo(new RunResult("r1", Map.of("ok", 1L, "failed", 1L),
                Map.of("ocr", 1L, "failed", 2L)));
        assertThat(l.calls).containsSubsequence("planned 2", "document ok", "document failed", "finished");
        assertThat(l.calls).last().isEqualTo("finished");
        assertThat(Files.readString(dir.resolve("data/logs/job-1.log"))).contains("Running Spark version");
    }

    @Test
    void aFailedSubmissionGivesTheJobsOwnErrorLine() throws Exception {
        RecordingListener l = run("/out/fail", "client");
        assertThat(l.result).isNull();
        assertThat(l.error).isEqualTo("input path 'hdfs:///nope' does not exist");
    }

    @Test
    void anApplicationThatEndsWithoutAWordIsAFailure() throws Exception {
        RecordingListener l = run("/out/silent", "cluster");
        assertThat(l.error).isEqualTo("the Spark application ended in state lost (see the job's log on the service)");
    }

    @Test
    void cancelKillsSparkSubmitWhenTheApplicationIsNotConnected() throws Exception {
        RecordingListener l = new RecordingListener();
        RunHandle h = new ClusterRunner(config("client")).start("job-2", new JobSpec(List.of("/in"), "/out/slow",
                null, null, null, false), l);
        Thread.sleep(500);
        long start = System.nanoTime();
        h.cancel();
        l.awaitEnd(15);
        assertThat(l.error).isEqualTo("cancelled");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        h.done().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMissingClusterJarFailsTheJobNotTheService() throws Exception {
        ServiceConfig c = TestSetup.config(dir.resolve("data"), Map.of("runner.kind", "cluster",
                "cluster.master", "yarn", "cluster.jar", dir.resolve("nope.jar").toString()));
        RecordingListener l = new RecordingListener();
        RunHandle h = new ClusterRunner(c).start("job-3", new JobSpec(List.of("/in"), "/out", null, null, null, false), l);
        assertThat(h.done()).isCompleted();
        assertThat(l.error).contains("cluster.jar");
        assertThat(new ClusterRunner(c).kind()).isEqualTo("cluster");
    }

    @Test
    void aSparkHomeWithoutSparkSubmitFailsTheJobSayingWhichSetting() throws Exception {
        ServiceConfig c = TestSetup.config(dir.resolve("data"), Map.of("runner.kind", "cluster",
                "cluster.master", "yarn", "cluster.jar", jar.toString(), "cluster.sparkHome", dir.resolve("empty").toString()));
        RecordingListener l = new RecordingListener();
        RunHandle h = new ClusterRunner(c).start("job-4", new JobSpec(List.of("/in"), "/out", null, null, null, false), l);
        assertThat(h.done()).isCompleted();
        assertThat(l.error).isEqualTo("spark-submit did not start (check cluster.sparkHome or SPARK_HOME)");
    }
}
