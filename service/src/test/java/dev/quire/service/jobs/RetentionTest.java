package dev.quire.service.jobs;

import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Old job logs and uploads go; recent ones, running jobs' and anything outside the data directory stay. */
class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void deletesTheLogsAndUploadsOfJobsThatEndedBeforeTheCutoff() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("data/logs"));
        Path uploads = Files.createDirectories(dir.resolve("data/uploads"));
        Path outside = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(outside.resolve("keep.pdf"), "%PDF-1.4");
        try (JobStore store = JobStore.open("jdbc:h2:file:" + dir.resolve("jobs"), null, null)) {
            job(store, logs, uploads, "old-upload", "upload", "u1", JobStatus.SUCCEEDED, NOW.minus(Duration.ofDays(40)));
            job(store, logs, uploads, "old-paths", "paths", null, JobStatus.FAILED, NOW.minus(Duration.ofDays(31)));
            job(store, logs, uploads, "recent", "upload", "u2", JobStatus.CANCELLED, NOW.minus(Duration.ofDays(2)));
            job(store, logs, uploads, "running", "upload", "u3", JobStatus.RUNNING, null);
            // an upload job whose input is not an upload folder: never followed outside DATA/uploads
            store.insert(JobRecord.queued("odd", "upload", "{}", SpecJson.write(new JobSpec(
                    List.of(outside.toString()), "/out", null, null, null, false)), "/out", "embedded",
                    NOW.minus(Duration.ofDays(50))));
            store.finished("odd", JobStatus.SUCCEEDED, NOW.minus(Duration.ofDays(45)), null, null, null, null, null);

            int deleted = new Retention(store::list, logs, uploads, Duration.ofDays(30)).sweep(NOW);

            assertThat(deleted).isEqualTo(3);
            assertThat(logs.resolve("old-upload.log")).doesNotExist();
            assertThat(uploads.resolve("u1")).doesNotExist();
            assertThat(logs.resolve("old-paths.log")).doesNotExist();
            assertThat(logs.resolve("recent.log")).exists();
            assertThat(uploads.resolve("u2/a.pdf")).exists();
            assertThat(logs.resolve("running.log")).exists();
            assertThat(uploads.resolve("u3/a.pdf")).exists();
            assertThat(outside.resolve("keep.pdf")).exists();
        }
    }

    private static void job(JobStore store, Path logs, Path uploads, String id, String source, String upload,
                            JobStatus status, Instant finished) throws IOException {
        Files.writeString(logs.resolve(id + ".log"), "log of " + id);
        String input = "/corpus";
        if (upload != null) {
            Path folder = Files.createDirectories(uploads.resolve(upload));
            Files.writeString(folder.resolve("a.pdf"), "%PDF-1.4");
            input = folder.toUri().toString();
        }
        String spec = SpecJson.write(new JobSpec(List.of(input), "/out", null, null, null, false));
        store.insert(JobRecord.queued(id, source, "{}", spec, "/out", "embedded", NOW.minus(Duration.ofDays(60))));
        if (status == JobStatus.RUNNING) {
            store.started(id, NOW, "pid 1");
        } else {
            store.finished(id, status, finished, null, null, null, null, null);
        }
    }
}
