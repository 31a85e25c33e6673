package dev.quire.service.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job store on a real embedded H2 file database. */
class JobStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static JobRecord job(String id, int minute) {
        return JobRecord.queued(id, "paths", "{\"inputs\":[\"/in\"]}", "{}", "/out/" + id, "embedded",
                T0.plusSeconds(60L * minute));
    }

    @Test
    void aJobGoesThroughItsLifeAndSurvivesReopening() {
        try (JobStore store = JobStore.open(url(), null, null)) {
            store.insert(job("a", 0));
            assertThat(store.started("a", T0.plusSeconds(5), "pid 42")).isTrue();
            store.planned("a", "run-1", 3, 12);
            store.progress("a", 8, 12, Map.of("ok", 2L));
            assertThat(store.finished("a", JobStatus.SUCCEEDED, T0.plusSeconds(30), null, "run-1",
                    Map.of("ok", 3L), Map.of("ocr", 12L), 12L)).isTrue();
            // the first ending stays
            assertThat(store.finished("a", JobStatus.FAILED, T0.plusSeconds(40), "late", null, null, null, null))
                    .isFalse();
        }
        try (JobStore store = JobStore.open(url(), null, null)) {
            JobRecord a = store.find("a").orElseThrow();
            assertThat(a.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(a.processRef()).isEqualTo("pid 42");
            assertThat(a.runId()).isEqualTo("run-1");
            assertThat(a.pagesDone()).isEqualTo(12);
            assertThat(a.pagesTotal()).isEqualTo(12);
            assertThat(a.documentsTotal()).isEqualTo(3);
            assertThat(a.documents()).containsEntry("ok", 3L);
            assertThat(a.pages()).containsEntry("ocr", 12L);
            assertThat(a.startedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(a.finishedAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(a.error()).isNull();
            assertThat(store.resultOutputs()).containsExactly("/out/a");
        }
    }

    @Test
    void listsNewestFirstPagedAndFiltered() {
        try (JobStore store = JobStore.open(url(), null, null)) {
            for (int i = 0; i < 5; i++) {
                store.insert(job("j" + i, i));
            }
            store.finished("j1", JobStatus.CANCELLED, T0, null, null, null, null, null);
            JobStore.Page page = store.list(null, 1, 2);
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.items()).extracting(JobRecord::id).containsExactly("j3", "j2");
            JobStore.Page queued = store.list(JobStatus.QUEUED, 0, 10);
            assertThat(queued.total()).isEqualTo(4);
            assertThat(queued.items()).extracting(JobRecord::id).containsExactly("j4", "j3", "j2", "j0");
            assertThat(store.countByStatus()).containsEntry(JobStatus.QUEUED, 4L)
                    .containsEntry(JobStatus.CANCELLED, 1L).containsEntry(JobStatus.RUNNING, 0L);
            assertThat(store.unfinished()).extracting(JobRecord::id).containsExactly("j0", "j2", "j3", "j4");
        }
    }

    @Test
    void aCancelledJobCannotStartAndARequeuedOneStartsAfresh() {
        try (JobStore store = JobStore.open(url(), null, null)) {
            store.insert(job("c", 0));
            store.finished("c", JobStatus.CANCELLED, T0, null, null, null, null, null);
            assertThat(store.started("c", T0, "pid 1")).isFalse();

            store.insert(job("r", 1));
            store.started("r", T0, "pid 2");
            store.progress("r", 5, 10, Map.of("ok", 1L));
            store.requeued("r");
            JobRecord r = store.find("r").orElseThrow();
            assertThat(r.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.pagesDone()).isZero();
            assertThat(r.processRef()).isNull();
            assertThat(r.startedAt()).isNull();
        }
    }

    @Test
    void longErrorsAreCutAndTheSchemaIsMigratedOnce() {
        int version;
        try (JobStore store = JobStore.open(url(), null, null)) {
            version = store.schemaVersion();
            store.insert(job("e", 0));
            store.finished("e", JobStatus.FAILED, T0, "x".repeat(10_000), null, null, null, null);
            assertThat(store.find("e").orElseThrow().error()).hasSize(4000).endsWith("…");
            assertThat(store.healthy()).isTrue();
            assertThat(store.kind()).isEqualTo("h2");
        }
        try (JobStore store = JobStore.open(url(), null, null)) {
            assertThat(store.schemaVersion()).isEqualTo(version).isPositive();
            assertThat(store.find("e")).isPresent();
        }
    }

    @Test
    void anUnreachableDatabaseIsAStoreError() {
        assertThatThrownBy(() -> JobStore.open("jdbc:h2:tcp://127.0.0.1:1/nowhere", null, null))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("job store: ");
    }
}
