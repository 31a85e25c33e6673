package dev.quire.service.jobs;

import dev.quire.service.config.ServiceConfig;

/**
 * How many jobs run and wait.
 *
 * @param maxConcurrent     jobs running at once
 * @param queueDepth        jobs that may wait for a slot; a submission that would make more wait gets 429
 * @param requeueOnRestart  whether jobs a stopped service left queued or running run again at the next start
 * @param retryAfterSeconds the Retry-After of a 429
 */
public record QueuePolicy(int maxConcurrent, int queueDepth, boolean requeueOnRestart, int retryAfterSeconds) {
    public QueuePolicy {
        if (maxConcurrent < 1 || queueDepth < 0 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("maxConcurrent >= 1, queueDepth >= 0, retryAfterSeconds >= 1");
        }
    }

    public static QueuePolicy of(ServiceConfig config) {
        return new QueuePolicy(config.maxConcurrent(), config.queueDepth(), config.requeueOnRestart(),
                config.retryAfterSeconds());
    }
}
