package dev.quire.service.jobs;

import dev.quire.service.runner.JobRunner;
import dev.quire.service.runner.RunHandle;
import dev.quire.service.runner.RunListener;
import dev.quire.service.runner.RunResult;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A runner whose runs the test drives by hand. */
final class FakeRunner implements JobRunner {
    final BlockingQueue<FakeRun> started = new LinkedBlockingQueue<>();
    /** When set, cancel only records the request; the test ends the run itself. */
    volatile boolean holdOnCancel;

    @Override
    public String kind() {
        return "fake";
    }

    @Override
    public RunHandle start(String jobId, JobSpec spec, RunListener listener) {
        FakeRun run = new FakeRun(jobId, spec, listener, this);
        listener.started("pid-" + jobId.substring(0, 8));
        started.add(run);
        return run;
    }

    /** The next run to start, waiting for it a while. */
    FakeRun next() throws InterruptedException {
        FakeRun run = started.poll(10, TimeUnit.SECONDS);
        assertThat(run).as("a run started").isNotNull();
        return run;
    }

    /** Asserts that no run starts within a short wait. */
    void assertNoStart() throws InterruptedException {
        assertThat(started.poll(300, TimeUnit.MILLISECONDS)).as("no run started").isNull();
    }

    static final class FakeRun implements RunHandle {
        final String jobId;
        final JobSpec spec;
        final RunListener listener;
        private final FakeRunner runner;
        volatile boolean cancelRequested;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        FakeRun(String jobId, JobSpec spec, RunListener listener, FakeRunner runner) {
            this.jobId = jobId;
            this.spec = spec;
            this.listener = listener;
            this.runner = runner;
        }

        void succeed(long pages) {
            listener.finished(new RunResult("run-" + jobId.substring(0, 8), Map.of("ok", 1L), Map.of("ocr", pages)));
            done.complete(null);
        }

        void fail(String error) {
            listener.failed(error);
            done.complete(null);
        }

        @Override
        public void cancel() {
            cancelRequested = true;
            if (!runner.holdOnCancel) {
                fail("cancelled");
            }
        }

        @Override
        public CompletableFuture<Void> done() {
            return done;
        }
    }
}
