package dev.quire.service.runner;

import dev.quire.service.config.RunnerKind;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.config.Setting;
import dev.quire.service.jobs.JobSpec;
import org.apache.spark.launcher.SparkLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Each job is a Spark application: {@code spark-submit --class dev.quire.cli.Quire CLUSTER_JAR run
 * --events …} to {@code cluster.master}, through {@link SparkLauncher#startApplication}, which
 * reports the application's id and state over the launcher's local socket. spark-submit's output
 * (stdout and stderr merged) goes to {@code DATA/logs/JOB_ID.log}.
 *
 * <p>Limits, compared with the {@link EmbeddedRunner}:
 * <ul>
 *   <li>No live progress: the service only learns the application's state (submitted, running,
 *       finished, failed). Per-page progress is in the Spark UI. When the run ends, the job's own
 *       event lines are read back from the log: in client deploy mode the driver is the
 *       spark-submit process, so the planned, document and finished events (with the document and
 *       page counts) are there; in cluster deploy mode the driver's output stays on the cluster,
 *       and a succeeded job has no counts.</li>
 *   <li>In cluster deploy mode a run in which some documents failed exits 3 on the cluster, and
 *       the cluster manager may report that as a failed application although the run was
 *       committed; its documents table has the truth.</li>
 *   <li>Cancel asks the application to stop through the launcher connection; before the
 *       application connected (or after {@code cancelGraceSeconds}) it kills the local
 *       spark-submit process, which in cluster deploy mode may leave the driver running on the
 *       cluster (stop it with the cluster manager's tools: {@code yarn application -kill} …).</li>
 * </ul>
 */
public final class ClusterRunner implements JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRunner.class);

    private final ServiceConfig config;

    public ClusterRunner(ServiceConfig config) {
        this.config = config;
    }

    @Override
    public String kind() {
        return RunnerKind.CLUSTER.label();
    }

    @Override
    public RunHandle start(String jobId, JobSpec spec, RunListener listener) {
        if (!Files.isRegularFile(config.clusterJar())) {
            LOG.warn("job {}: no cluster jar at {}", jobId, config.clusterJar());
            return NotStarted.report(listener, "the cluster jar is not installed on the service (build "
                    + "Quire with 'mvn install', or set " + Setting.CLUSTER_JAR.key() + ")");
        }
        Path log;
        try {
            log = logFile(jobId);
        } catch (IOException e) {
            LOG.warn("job {}: no log file: {}", jobId, e.getMessage());
            return NotStarted.report(listener, "the service cannot write the job's log");
        }
        ClusterRun run = new ClusterRun(jobId, log, config.cancelGraceSeconds(), listener);
        try {
            SparkLauncher launcher = launcher(jobId, spec, log);
            run.attach(launcher.startApplication(run));
        } catch (IOException | RuntimeException e) {
            // the details (paths of this machine) go to the service's log, not to the client
            LOG.warn("job {}: spark-submit did not start", jobId, e);
            run.failedToStart("spark-submit did not start (check " + Setting.CLUSTER_SPARK_HOME.key()
                    + " or SPARK_HOME)");
        }
        return run;
    }

    SparkLauncher launcher(String jobId, JobSpec spec, Path log) {
        SparkLauncher l = new SparkLauncher()
                .setAppResource(config.clusterJar().toString())
                .setMainClass(ChildCommand.MAIN_CLASS)
                .setMaster(config.clusterMaster())
                .setDeployMode(config.clusterDeployMode())
                .setAppName("quire job " + jobId)
                .redirectError()
                .redirectOutput(log.toFile());
        if (config.sparkHome() != null) {
            l.setSparkHome(config.sparkHome().toString());
        }
        if (Files.isDirectory(config.home())) {
            l.directory(config.home().toFile());
        }
        if (config.clusterProperties() != null && Files.isRegularFile(config.clusterProperties())) {
            l.setPropertiesFile(config.clusterProperties().toString());
        }
        for (String kv : config.sparkConf()) {
            int eq = kv.indexOf('=');
            l.setConf(kv.substring(0, eq), kv.substring(eq + 1));
        }
        List<String> args = new ArrayList<>(List.of("run", "--events", "-q"));
        args.addAll(ChildCommand.jobArgs(spec));
        l.addAppArgs(args.toArray(String[]::new));
        return l;
    }

    private Path logFile(String jobId) throws IOException {
        return Files.createDirectories(config.logsDir()).resolve(jobId + ".log");
    }
}
