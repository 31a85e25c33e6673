package dev.quire.service.jobs;

import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes what the service itself keeps of jobs that ended long ago: the job's log
 * ({@code DATA/logs/JOB.log}) and, for an upload job, its uploaded PDFs ({@code DATA/uploads/ID/}).
 * Results (the Parquet output) are the user's and are never touched; neither is anything outside
 * those two directories, whatever a job's inputs say.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final int PAGE = 500;
    private static final List<JobStatus> ENDED = List.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED);

    /** Jobs with a status, newest first, a page at a time: {@link Jobs#list} or {@link JobStore#list}. */
    public interface Listing {
        JobStore.Page list(JobStatus status, int offset, int limit);
    }

    private final Listing jobs;
    private final Path logsDir;
    private final Path uploadsDir;
    private final Duration keep;

    public Retention(Listing jobs, Path logsDir, Path uploadsDir, Duration keep) {
        this.jobs = jobs;
        this.logsDir = logsDir.toAbsolutePath().normalize();
        this.uploadsDir = uploadsDir.toAbsolutePath().normalize();
        this.keep = keep;
    }

    /** Deletes the files of jobs that ended before {@code now - keep}; returns how many files and directories went. */
    public int sweep(Instant now) {
        Instant cutoff = now.minus(keep);
        int deleted = 0;
        for (JobStatus status : ENDED) {
            for (int offset = 0; ; offset += PAGE) {
                JobStore.Page page = jobs.list(status, offset, PAGE);
                for (JobRecord job : page.items()) {
                    if (job.finishedAt() != null && job.finishedAt().isBefore(cutoff)) {
                        deleted += forget(job);
                    }
                }
                if (page.items().size() < PAGE) {
                    break;
                }
            }
        }
        return deleted;
    }

    private int forget(JobRecord job) {
        int deleted = delete(logsDir.resolve(job.id() + ".log")) ? 1 : 0;
        if (!"upload".equals(job.source())) {
            return deleted;
        }
        List<String> inputs;
        try {
            inputs = SpecJson.read(job.spec()).inputs();
        } catch (IllegalArgumentException e) {
            return deleted;
        }
        for (String input : inputs) {
            Path dir = localPath(input);
            // only a directory directly under DATA/uploads: an upload's own folder
            if (dir != null && uploadsDir.equals(dir.getParent()) && Files.isDirectory(dir)) {
                if (Folders.deleteTree(dir)) {
                    deleted++;
                } else {
                    LOG.warn("cannot delete all of {}", dir);
                }
            }
        }
        return deleted;
    }

    private static Path localPath(String input) {
        try {
            Path p = input.startsWith("file:") ? Path.of(URI.create(input)) : Path.of(input);
            return p.isAbsolute() ? p.normalize() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
            return false;
        }
    }
}
