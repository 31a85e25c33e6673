package dev.quire.service.runner;

import org.apache.spark.launcher.SparkAppHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Spark application, followed through its {@link SparkAppHandle}. Its end is decided once, at
 * the first final state: the job's own finished or failed line in the log wins (in client mode
 * the launcher reports FINISHED when the context stops, whether the job failed or not, and FAILED
 * for exit status 3, which is a committed run); without one, FINISHED means success.
 */
final class ClusterRun implements RunHandle, SparkAppHandle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterRun.class);
    /** The end of the log that is read back: the finished line and the error are at its end. */
    private static final int TAIL_BYTES = 1 << 20;

    private final String jobId;
    private final Path log;
    private final int graceSeconds;
    private final RunListener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile SparkAppHandle handle;
    private volatile String appId;

    ClusterRun(String jobId, Path log, int graceSeconds, RunListener listener) {
        this.jobId = jobId;
        this.log = log;
        this.graceSeconds = graceSeconds;
        this.listener = listener;
    }

    void attach(SparkAppHandle h) {
        handle = h;
        if (cancelled.get()) {
            stop(h);
        }
    }

    void failedToStart(String error) {
        if (ended.compareAndSet(false, true)) {
            ListenerCalls.safely(() -> listener.failed(error));
            done.complete(null);
        }
    }

    @Override
    public void stateChanged(SparkAppHandle h) {
        noteAppId(h);
        SparkAppHandle.State state = h.getState();
        LOG.info("job {}: Spark application {} is {}", jobId, appId, state);
        if (state == SparkAppHandle.State.KILLED && handle == null && !cancelled.get()) {
            // startApplication kills its own handle when spark-submit cannot start, then throws: the runner reports that
            return;
        }
        if (state.isFinal() && ended.compareAndSet(false, true)) {
            try {
                end(state);
            } finally {
                done.complete(null);
            }
        }
    }

    @Override
    public void infoChanged(SparkAppHandle h) {
        noteAppId(h);
    }

    private void noteAppId(SparkAppHandle h) {
        String id = h.getAppId();
        if (id != null && !id.equals(appId)) {
            appId = id;
            ListenerCalls.safely(() -> listener.started(id));
        }
    }

    private void end(SparkAppHandle.State state) {
        EventLines events = new EventLines(listener);
        List<String> lines = tail();
        lines.forEach(l -> ListenerCalls.safely(() -> events.accept(l)));
        RunResult result = events.finished();
        if (!cancelled.get() && result == null && events.failed() == null && state == SparkAppHandle.State.FINISHED) {
            // cluster deploy mode: the driver's output is not here, the cluster manager's word is all there is
            result = new RunResult(null, Map.of(), Map.of());
        }
        String error;
        if (cancelled.get()) {
            error = "cancelled";
        } else if (result != null) {
            error = null;
        } else if (events.failed() != null) {
            error = ErrorText.oneLine(events.failed());
        } else {
            String own = ErrorText.quireError(lines);
            error = own != null ? own : "the Spark application ended in state " + state.name().toLowerCase(Locale.ROOT)
                    + " (see the job's log on the service)";
        }
        RunResult r = cancelled.get() ? null : result;
        ListenerCalls.safely(r != null ? () -> listener.finished(r) : () -> listener.failed(error));
    }

    @Override
    public void cancel() {
        if (!cancelled.compareAndSet(false, true) || ended.get()) {
            return;
        }
        SparkAppHandle h = handle;
        if (h != null) {
            stop(h);
        }
        CompletableFuture.delayedExecutor(graceSeconds, TimeUnit.SECONDS).execute(() -> {
            SparkAppHandle late = handle;
            if (!ended.get() && late != null) {
                LOG.warn("job {}: application still running {} s after stop, killing spark-submit", jobId, graceSeconds);
                late.kill();
            }
        });
    }

    /** Stop through the launcher connection when there is one; without it only the local process can be killed. */
    private void stop(SparkAppHandle h) {
        try {
            h.stop();
        } catch (RuntimeException e) {
            h.kill();
        }
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    private List<String> tail() {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            LOG.warn("job {}: cannot read its log {}: {}", jobId, log, e.getMessage());
            return List.of();
        }
    }
}
