package dev.quire.service.runner;

import dev.quire.pipeline.ProcessingMode;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobEvent;
import dev.quire.service.jobs.JobManager;
import dev.quire.service.jobs.JobSpec;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real job in a child JVM on the repository's samples. Needs the job built
 * ({@code mvn -q -B install -DskipTests} makes job/target/quire-job.jar and job/target/lib).
 */
class EmbeddedRunnerTest {
    private static final Path ROOT = TestSetup.repoRoot();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheJobBuilt() {
        assumeTrue(Files.isRegularFile(ROOT.resolve("job/target/quire-job.jar"))
                && Files.isDirectory(ROOT.resolve("job/target/lib")), "build the job first: mvn -q -B install -DskipTests");
    }

    private ServiceConfig config() {
        return TestSetup.config(dir.resolve("data"), Map.of("runner.master", "local[2]",
                "runner.cancelGraceSeconds", "5", "runner.heap", "1g"));
    }

    @Test
    void runsTheJobOnTheSamplesAndReportsItsEventsAsTheyCome() throws Exception {
        Path out = dir.resolve("out");
        JobSpec spec = new JobSpec(List.of(ROOT.resolve("samples").toString()), out.toString(), ProcessingMode.TEXT,
                null, "cpu", false);
        RecordingListener l = new RecordingListener();
        RunHandle run = new EmbeddedRunner(config()).start("job-ok", spec, l);
        l.awaitEnd(240);
        run.done().get(10, TimeUnit.SECONDS);

        assertThat(l.error).isNull();
        assertThat(l.processRef).matches("[0-9]+");
        assertThat(l.calls.get(0)).isEqualTo("started");
        assertThat(l.calls.get(1)).isEqualTo("planned 3");
        assertThat(l.calls).contains("progress").last().isEqualTo("finished");
        assertThat(l.calls.stream().filter(c -> c.startsWith("document ")).count()).isEqualTo(3);
        assertThat(l.result.runId()).isEqualTo(l.runId);
        assertThat(l.result.documents().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        assertThat(l.result.pagesDone()).isPositive();
        assertThat(out.resolve("runs").resolve(l.runId + ".json")).isRegularFile();
        assertThat(out.resolve("documents").resolve("run=" + l.runId)).isDirectory();
        assertThat(dir.resolve("data/logs/job-ok.log")).exists();
    }

    @Test
    void aJobThroughTheManagerStoresItsProgressCountsAndEvents() throws Exception {
        ServiceConfig c = config();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        try (JobStore store = JobStore.open("jdbc:h2:file:" + dir.resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
             JobManager jobs = new JobManager(c, store, registry)) {
            JobRecord job = jobs.submit(new JobSpec(List.of(ROOT.resolve("samples/born-digital.pdf").toString()),
                    dir.resolve("out").toString(), ProcessingMode.TEXT, null, "cpu", false), "paths", "{}");
            jobs.subscribe(job.id(), e -> {
                events.add(e);
                if (e.type().equals("finished")) {
                    finished.countDown();
                }
            });
            assertThat(finished.await(240, TimeUnit.SECONDS)).as("events: %s", events).isTrue();

            JobRecord r = jobs.find(job.id()).orElseThrow();
            assertThat(r.status()).as(r.error()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(r.runner()).isEqualTo("embedded");
            assertThat(r.processRef()).matches("[0-9]+");
            assertThat(r.runId()).isNotNull();
            assertThat(r.documentsTotal()).isEqualTo(1);
            assertThat(r.pagesTotal()).isEqualTo(2);
            assertThat(r.pagesDone()).isEqualTo(2);
            assertThat(r.documents()).isEqualTo(Map.of("ok", 1L));
            assertThat(r.pages()).containsEntry("text_layer", 2L);
            // the "running" status may come before the subscription: the job starts as soon as it is submitted
            assertThat(events).extracting(JobEvent::type)
                    .containsSubsequence("planned", "progress", "document", "status", "finished")
                    .endsWith("status", "finished");
            assertThat(registry.get("quire.pages.processed").counter().count()).isEqualTo(2);
        }
    }

    @Test
    void aJobThatCannotReadItsInputFailsWithItsOwnOneLineError() throws Exception {
        JobSpec spec = new JobSpec(List.of(dir.resolve("missing").toString()), dir.resolve("out").toString(), null,
                null, "cpu", false);
        RecordingListener l = new RecordingListener();
        new EmbeddedRunner(config()).start("job-bad", spec, l);
        l.awaitEnd(120);

        assertThat(l.result).isNull();
        assertThat(l.error).isEqualTo("input path '" + dir.resolve("missing") + "' does not exist");
        assertThat(l.calls).containsExactly("started", "failed");
    }

    @Test
    void badOptionsAreAUsageErrorInOneLine() throws Exception {
        JobSpec spec = new JobSpec(List.of(ROOT.resolve("samples").toString()), dir.resolve("out").toString(), null,
                -5, "cpu", false);
        RecordingListener l = new RecordingListener();
        new EmbeddedRunner(config()).start("job-usage", spec, l);
        l.awaitEnd(120);

        assertThat(l.error).startsWith("the job refused its options: ").contains("dpi").doesNotContain("\n");
    }

    @Test
    void cancelStopsTheChildProcess() throws Exception {
        JobSpec spec = new JobSpec(List.of(ROOT.resolve("samples").toString()), dir.resolve("out").toString(),
                ProcessingMode.OCR, null, "cpu", false);
        RecordingListener l = new RecordingListener();
        RunHandle run = new EmbeddedRunner(config()).start("job-cancel", spec, l);
        assertThat(l.started.await(30, TimeUnit.SECONDS)).isTrue();
        ProcessHandle child = ProcessHandle.of(Long.parseLong(l.processRef)).orElseThrow();
        Thread.sleep(3000);    // let it get going: Spark starting up

        long start = System.nanoTime();
        run.cancel();
        l.awaitEnd(30);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(l.error).isEqualTo("cancelled");
        assertThat(child.isAlive()).isFalse();
        // done completes after the listener's last call returns: a moment later on a busy machine
        assertThat(run.done()).succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aMissingJobJarFailsAtOnceSayingWhichSetting() throws Exception {
        ServiceConfig c = TestSetup.config(dir.resolve("data"), Map.of("runner.jobJar", dir.resolve("none.jar").toString()));
        RecordingListener l = new RecordingListener();
        RunHandle run = new EmbeddedRunner(c).start("job-nojar", new JobSpec(List.of("/in"), "/out", null, null, null,
                false), l);
        assertThat(run.done()).isCompleted();
        assertThat(l.calls).containsExactly("failed");
        assertThat(l.error).contains("runner.jobJar").doesNotContain(dir.toString());
    }

    @Test
    void aJavaThatCannotStartFailsTheJobNotTheService() throws Exception {
        ServiceConfig c = TestSetup.config(dir.resolve("data"), Map.of("runner.java", dir.resolve("no-java").toString()));
        RecordingListener l = new RecordingListener();
        new EmbeddedRunner(c).start("job-nojava", new JobSpec(List.of("/in"), "/out", null, null, null, false), l);
        l.awaitEnd(5);
        assertThat(l.error).isEqualTo("cannot start the job's JVM (check runner.java)");
    }
}
