package dev.quire.service.jobs;

import dev.quire.pipeline.ProcessingMode;
import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import dev.quire.service.store.JobRecord;
import dev.quire.service.store.JobStatus;
import dev.quire.service.store.JobStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobManagerTest {
    private static final JobSpec SPEC = new JobSpec(List.of("/in/a.pdf", "/in/b"), "/out", ProcessingMode.AUTO, 200,
            "cpu", true);

    @TempDir
    Path dir;

    private JobStore store;
    private FakeRunner runner;
    private SimpleMeterRegistry registry;
    private final List<JobManager> managers = new ArrayList<>();

    @BeforeEach
    void open() {
        store = openStore();
        runner = new FakeRunner();
    }

    @AfterEach
    void closeAll() {
        managers.forEach(JobManager::close);
        store.close();
    }

    private JobStore openStore() {
        return JobStore.open("jdbc:h2:file:" + dir.resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE", null, null);
    }

    private JobManager manager(int slots, int depth, boolean requeue) {
        registry = new SimpleMeterRegistry();   // one registry per manager, as in a service
        JobManager m = new JobManager(store, runner, new QueuePolicy(slots, depth, requeue, 17), registry);
        managers.add(m);
        return m;
    }

    private JobRecord submit(JobManager m) {
        return m.submit(SPEC, "paths", "{\"inputs\":[\"a\"]}");
    }

    private JobStatus status(JobManager m, String id) {
        return m.find(id).orElseThrow().status();
    }

    @Test
    void runsJobsInOrderWithAtMostMaxConcurrent() throws Exception {
        JobManager m = manager(2, 10, false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(submit(m).id());
        }
        FakeRunner.FakeRun first = runner.next();
        FakeRunner.FakeRun second = runner.next();
        assertThat(List.of(first.jobId, second.jobId)).containsExactly(ids.get(0), ids.get(1));
        runner.assertNoStart();
        assertThat(m.state()).isEqualTo(new Jobs.RunnerState("fake", 2, 2, 2, 10, true));
        assertThat(status(m, ids.get(0))).isEqualTo(JobStatus.RUNNING);
        assertThat(m.find(ids.get(0)).orElseThrow().processRef()).startsWith("pid-");
        assertThat(status(m, ids.get(2))).isEqualTo(JobStatus.QUEUED);

        first.succeed(5);
        FakeRunner.FakeRun third = runner.next();
        assertThat(third.jobId).isEqualTo(ids.get(2));
        assertThat(third.spec).isEqualTo(SPEC);
        second.fail("input path '/in/b' does not exist");
        assertThat(runner.next().jobId).isEqualTo(ids.get(3));

        JobRecord ok = m.find(ids.get(0)).orElseThrow();
        assertThat(ok.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ok.pagesDone()).isEqualTo(5);
        assertThat(ok.documents()).containsEntry("ok", 1L);
        assertThat(ok.runId()).startsWith("run-");
        JobRecord failed = m.find(ids.get(1)).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("input path '/in/b' does not exist");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(m.resultOutputs()).as("only succeeded jobs hold results").containsExactly(SPEC.output());
    }

    @Test
    void refusesWithQueueFullWhenMoreWouldWaitThanTheQueueDepth() throws Exception {
        JobManager m = manager(1, 2, false);
        submit(m);          // takes the slot
        submit(m);          // waits (1)
        submit(m);          // waits (2)
        assertThatThrownBy(() -> submit(m)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.QUEUE_FULL);
            assertThat(e.retryAfterSeconds()).isEqualTo(17);
        });
        assertThat(store.countByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        runner.next().succeed(1);     // one leaves: one more may wait
        submit(m);
    }

    @Test
    void aZeroDepthQueueStillTakesAJobForAFreeSlot() {
        JobManager m = manager(1, 0, false);
        submit(m);
        assertThatThrownBy(() -> submit(m)).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.QUEUE_FULL));
    }

    @Test
    void cancelsAQueuedJobAtOnce() throws Exception {
        JobManager m = manager(1, 5, false);
        JobRecord running = submit(m);
        JobRecord queued = submit(m);
        FakeRunner.FakeRun run = runner.next();

        JobRecord cancelled = m.cancel(queued.id());
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.startedAt()).isNull();
        assertThat(m.state().queued()).isZero();
        run.succeed(1);
        runner.assertNoStart();
        assertThat(status(m, running.id())).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void cancelsARunningJobByStoppingItsRunAndKeepsTheSlotUntilItIsGone() throws Exception {
        runner.holdOnCancel = true;
        JobManager m = manager(1, 5, false);
        JobRecord job = submit(m);
        JobRecord next = submit(m);
        FakeRunner.FakeRun run = runner.next();

        JobRecord cancelled = m.cancel(job.id());
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        awaitCancelRequested(run);
        // the process is still dying: no second process yet
        runner.assertNoStart();
        assertThat(m.state().running()).isEqualTo(1);

        run.fail("the job process was killed by signal 15");
        assertThat(runner.next().jobId).isEqualTo(next.id());
        JobRecord after = m.find(job.id()).orElseThrow();
        assertThat(after.status()).as("the cancel keeps its ending").isEqualTo(JobStatus.CANCELLED);
        assertThat(after.error()).isEqualTo("cancelled while running");
        runner.holdOnCancel = false;
    }

    @Test
    void cancellingAnEndedJobIsAConflictAndAnUnknownOneNotFound() throws Exception {
        JobManager m = manager(1, 5, false);
        JobRecord job = submit(m);
        runner.next().succeed(1);
        awaitStatus(m, job.id(), JobStatus.SUCCEEDED);

        assertThatThrownBy(() -> m.cancel(job.id())).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThatThrownBy(() -> m.cancel("nope")).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        assertThatThrownBy(() -> m.subscribe("nope", e -> { })).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND));
        JobRecord twice = submit(m);
        FakeRunner.FakeRun run = runner.next();
        m.cancel(twice.id());
        awaitCancelRequested(run);
        assertThatThrownBy(() -> m.cancel(twice.id())).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void subscribersGetTheJobsEventsInOrderEndingWithFinished() throws Exception {
        JobManager m = manager(1, 5, false);
        submit(m);
        FakeRunner.FakeRun blocker = runner.next();
        JobRecord job = submit(m);
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        m.subscribe(job.id(), seen::add);

        blocker.succeed(1);
        FakeRunner.FakeRun run = runner.next();
        run.listener.planned("r1", 2, 3);
        run.listener.progress(1, 3);
        run.listener.document("d1", "/in/a.pdf", "ok", 1);
        run.listener.progress(3, 3);
        run.listener.document("d2", "/in/b/c.pdf", "failed", 2);
        run.succeed(3);

        awaitSize(seen, 8);
        assertThat(seen).extracting(JobEvent::type).containsExactly("status", "planned", "progress", "document",
                "progress", "document", "status", "finished");
        assertThat(seen.get(0).json()).contains("\"status\":\"running\"");
        assertThat(seen.get(1).json()).isEqualTo("{\"run_id\":\"r1\",\"documents\":2,\"pages\":3}");
        assertThat(seen.get(2).json()).isEqualTo("{\"pages_done\":1,\"pages_total\":3}");
        assertThat(seen.get(3).json()).contains("\"doc_id\":\"d1\"", "\"status\":\"ok\"");
        assertThat(seen.get(6).json()).contains("\"status\":\"succeeded\"");
        assertThat(seen.get(7).json()).contains("\"id\":\"" + job.id() + "\"", "\"status\":\"succeeded\"",
                "\"pages_done\":3");

        // an ended job: its finished event at once, nothing else
        List<JobEvent> late = new CopyOnWriteArrayList<>();
        m.subscribe(job.id(), late::add);
        awaitSize(late, 1);
        assertThat(late.get(0).type()).isEqualTo("finished");
    }

    @Test
    void aSlowSubscriberDoesNotHoldUpTheRunner() throws Exception {
        JobManager m = manager(1, 5, false);
        submit(m);
        FakeRunner.FakeRun blocker = runner.next();
        JobRecord job = submit(m);
        m.subscribe(job.id(), e -> sleep(2000));
        blocker.succeed(1);
        FakeRunner.FakeRun run = runner.next();
        long start = System.nanoTime();
        for (int i = 1; i <= 5; i++) {
            run.listener.progress(i, 5);
        }
        run.succeed(5);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(status(m, job.id())).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aRestartMarksJobsTheDeadProcessLeftAsFailed() throws Exception {
        JobManager first = manager(1, 5, false);
        JobRecord running = submit(first);
        JobRecord queued = submit(first);
        FakeRunner.FakeRun run = runner.next();
        first.close();
        assertThat(run.cancelRequested).as("close stops the running job").isTrue();
        store.close();

        // the same H2 file, opened again by the next process
        store = openStore();
        assertThat(store.find(running.id()).orElseThrow().status()).as("left as it was").isEqualTo(JobStatus.RUNNING);
        runner = new FakeRunner();
        JobManager second = manager(1, 5, false);
        JobRecord r = second.find(running.id()).orElseThrow();
        assertThat(r.status()).isEqualTo(JobStatus.FAILED);
        assertThat(r.error()).isEqualTo("the service stopped while the job was running");
        JobRecord q = second.find(queued.id()).orElseThrow();
        assertThat(q.status()).isEqualTo(JobStatus.FAILED);
        assertThat(q.error()).isEqualTo("the service stopped before the job started");
        runner.assertNoStart();
    }

    @Test
    void aRestartQueuesThemAgainWhenConfiguredOldestFirst() throws Exception {
        JobManager first = manager(1, 5, true);
        JobRecord running = submit(first);
        JobRecord queued = submit(first);
        runner.next().listener.progress(2, 10);
        first.close();
        store.close();

        store = openStore();
        runner = new FakeRunner();
        JobManager second = manager(1, 5, true);
        FakeRunner.FakeRun again = runner.next();
        assertThat(again.jobId).isEqualTo(running.id());
        assertThat(again.spec).isEqualTo(SPEC);
        JobRecord r = second.find(running.id()).orElseThrow();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.status()).isEqualTo(JobStatus.RUNNING);
        again.succeed(10);
        FakeRunner.FakeRun then = runner.next();
        assertThat(then.jobId).isEqualTo(queued.id());
        then.succeed(1);
        awaitStatus(second, queued.id(), JobStatus.SUCCEEDED);
        assertThat(second.find(queued.id()).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void nothingTouchesTheStoreAfterClose() throws Exception {
        JobManager m = manager(1, 5, false);
        runner.holdOnCancel = true;
        JobRecord job = submit(m);
        FakeRunner.FakeRun run = runner.next();
        Thread closer = new Thread(m::close);
        closer.start();
        // the runner reports late, after the manager stopped listening: ignored
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (m.state().storeHealthy() && System.nanoTime() < deadline) {
            Thread.sleep(10);       // closed yet? (state() reads no store once closed)
        }
        run.listener.progress(5, 10);
        run.succeed(10);
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        store.close();

        store = openStore();
        JobRecord r = store.find(job.id()).orElseThrow();
        assertThat(r.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(r.pagesDone()).isZero();
        assertThatThrownBy(() -> submit(m)).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE));
        assertThat(m.state().storeHealthy()).isFalse();
    }

    @Test
    void countsJobsPagesAndDurations() throws Exception {
        JobManager m = manager(1, 5, false);
        JobRecord a = submit(m);
        submit(m);
        FakeRunner.FakeRun run = runner.next();
        assertThat(registry.get("quire.jobs").tag("state", "running").gauge().value()).isEqualTo(1);
        assertThat(registry.get("quire.jobs").tag("state", "queued").gauge().value()).isEqualTo(1);
        run.listener.progress(4, 10);
        run.succeed(10);
        runner.next().fail("boom");
        awaitStatus(m, a.id(), JobStatus.SUCCEEDED);
        assertThat(registry.get("quire.pages.processed").counter().count()).isEqualTo(10);
        assertThat(registry.get("quire.jobs").tag("state", "succeeded").gauge().value()).isEqualTo(1);
        assertThat(registry.get("quire.jobs").tag("state", "failed").gauge().value()).isEqualTo(1);
        assertThat(registry.get("quire.job.duration").tag("status", "succeeded").timer().count()).isEqualTo(1);
    }

    @Test
    void theMetricsHaveTheirPrometheusNames() throws Exception {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JobManager m = new JobManager(store, runner, new QueuePolicy(1, 1, false, 5), prometheus);
        managers.add(m);
        JobRecord job = submit(m);
        runner.next().succeed(3);
        awaitStatus(m, job.id(), JobStatus.SUCCEEDED);
        assertThat(prometheus.scrape()).contains("quire_jobs{state=\"succeeded\"} 1.0",
                "quire_jobs{state=\"queued\"} 0.0", "quire_pages_processed_total 3.0",
                "quire_job_duration_seconds_count{status=\"succeeded\"} 1");
    }

    private static void awaitStatus(JobManager m, String id, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (m.find(id).orElseThrow().status() != status && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(m.find(id).orElseThrow().status()).isEqualTo(status);
    }

    /** The runner may hear of a cancel just after it returns: the handle is attached once start returned. */
    private static void awaitCancelRequested(FakeRunner.FakeRun run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!run.cancelRequested && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(run.cancelRequested).as("the run was asked to stop").isTrue();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSize(size);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
