package dev.quire.service.runner;

import dev.quire.service.config.RunnerKind;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.config.Setting;
import dev.quire.service.jobs.JobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Each job is a child JVM running {@code quire run --events} with local Spark (or the configured
 * master), so a job that crashes, leaks or runs out of memory takes only itself down. Progress
 * comes from the child's JSON lines on stdout as they are printed; its stderr goes to
 * {@code DATA/logs/JOB_ID.log} and its tail gives the error line. See {@link ChildExit} for how
 * the exit status maps to the job's end.
 */
public final class EmbeddedRunner implements JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRunner.class);

    private final ServiceConfig config;

    public EmbeddedRunner(ServiceConfig config) {
        this.config = config;
    }

    @Override
    public String kind() {
        return RunnerKind.EMBEDDED.label();
    }

    @Override
    public RunHandle start(String jobId, JobSpec spec, RunListener listener) {
        if (!Files.isRegularFile(config.jobJar()) || !Files.isDirectory(config.jobLib())) {
            LOG.warn("job {}: no job jar at {} or no library directory at {}", jobId, config.jobJar(), config.jobLib());
            return NotStarted.report(listener, "the job is not installed on the service (build Quire with "
                    + "'mvn install', or set " + Setting.RUNNER_JOB_JAR.key() + " and " + Setting.RUNNER_JOB_LIB.key() + ")");
        }
        List<String> command;
        try {
            command = ChildCommand.of(config, spec);
        } catch (RuntimeException e) {
            LOG.warn("job {}: cannot build its command line", jobId, e);
            return NotStarted.report(listener, "cannot read the JVM options file ("
                    + Setting.RUNNER_JAVA_OPTS.key() + ")");
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir().toFile());
        withoutSecrets(pb.environment());
        LOG.info("job {}: starting {}", jobId, String.join(" ", command));
        return EmbeddedRun.start(jobId, pb, logFile(jobId), config.cancelGraceSeconds(), listener);
    }

    /** The installation, so that relative paths in the job's settings mean what they mean for scripts/quire. */
    private Path workDir() {
        return Files.isDirectory(config.home()) ? config.home() : Path.of("").toAbsolutePath();
    }

    private Path logFile(String jobId) {
        try {
            return Files.createDirectories(config.logsDir()).resolve(jobId + ".log");
        } catch (IOException e) {
            LOG.warn("no job logs: cannot create {}: {}", config.logsDir(), e.getMessage());
            return null;
        }
    }

    /** The job needs none of the service's secrets; a child's environment is readable by its user's other processes. */
    static void withoutSecrets(Map<String, String> env) {
        for (Setting s : Setting.values()) {
            if (s.secret()) {
                env.remove(s.environmentName());
            }
        }
    }
}
