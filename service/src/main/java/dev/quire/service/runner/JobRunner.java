package dev.quire.service.runner;

import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.JobSpec;

/**
 * Runs one {@code quire run} for a job, somewhere: a child JVM on this machine
 * ({@link EmbeddedRunner}) or an application on a Spark cluster ({@link ClusterRunner}). A runner
 * never throws for a job that fails: every failure, including one to start, reaches the listener.
 */
public interface JobRunner {

    /** {@code embedded} or {@code cluster}, as stored with each job and shown on /health. */
    String kind();

    /** Launches the run and returns at once; its events go to {@code listener} from the runner's threads. */
    RunHandle start(String jobId, JobSpec spec, RunListener listener);

    /** The runner the configuration asks for. */
    static JobRunner of(ServiceConfig config) {
        return switch (config.runnerKind()) {
            case EMBEDDED -> new EmbeddedRunner(config);
            case CLUSTER -> new ClusterRunner(config);
        };
    }
}
