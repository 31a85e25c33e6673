package dev.quire.service.runner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One child JVM and its two reader threads: stdout (the job's events, read as they come, so
 * progress is live) and stderr (drained continuously, or a chatty child would block on a full
 * pipe; kept in a log file and a short tail). The stdout thread reports the end, after the process
 * exited and stderr is drained, so that the error line is complete.
 */
final class EmbeddedRun implements RunHandle {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRun.class);

    private final String jobId;
    private final Process process;
    private final int graceSeconds;
    private final RunListener listener;
    private final EventLines events;
    private final ErrorText stderr = new ErrorText();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private EmbeddedRun(String jobId, Process process, int graceSeconds, RunListener listener) {
        this.jobId = jobId;
        this.process = process;
        this.graceSeconds = graceSeconds;
        this.listener = listener;
        this.events = new EventLines(listener);
    }

    static RunHandle start(String jobId, ProcessBuilder pb, Path logFile, int graceSeconds, RunListener listener) {
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            LOG.warn("job {}: cannot start {}: {}", jobId, pb.command().get(0), e.getMessage());
            return NotStarted.report(listener, "cannot start the job's JVM (check runner.java)");
        }
        EmbeddedRun run = new EmbeddedRun(jobId, process, graceSeconds, listener);
        ListenerCalls.safely(() -> listener.started(String.valueOf(process.pid())));
        Thread err = thread(jobId + "-stderr", () -> run.drainStderr(logFile));
        thread(jobId, () -> run.readStdout(err));
        return run;
    }

    @Override
    public void cancel() {
        if (!cancelled.compareAndSet(false, true) || !process.isAlive()) {
            return;
        }
        LOG.info("job {}: stopping process {}", jobId, process.pid());
        // SIGTERM first: Spark's shutdown hook stops the context and removes its temporary files
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        CompletableFuture.delayedExecutor(graceSeconds, TimeUnit.SECONDS).execute(() -> {
            if (process.isAlive()) {
                LOG.warn("job {}: process {} still alive after {} s, killing it", jobId, process.pid(), graceSeconds);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    private void readStdout(Thread stderrThread) {
        try {
            try (BufferedReader r = reader(process.getInputStream())) {
                String line;
                while ((line = r.readLine()) != null) {
                    String l = line;
                    ListenerCalls.safely(() -> events.accept(l));
                }
            } catch (IOException e) {
                LOG.warn("job {}: reading its output: {}", jobId, e.getMessage());
            }
            int code = process.waitFor();
            stderrThread.join();
            ChildExit exit = new ChildExit(code, events.finished(), events.failed(), stderr.lines(), cancelled.get());
            LOG.info("job {}: process {} exited with status {}", jobId, process.pid(), code);
            RunResult result = exit.result();
            ListenerCalls.safely(result != null ? () -> listener.finished(result)
                    : () -> listener.failed(exit.error()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ListenerCalls.safely(() -> listener.failed("the service stopped following the job"));
        } finally {
            done.complete(null);
        }
    }

    private void drainStderr(Path logFile) {
        BufferedWriter log = openLog(logFile);
        try (BufferedReader r = reader(process.getErrorStream())) {
            String line;
            while ((line = r.readLine()) != null) {
                stderr.add(line);
                if (log != null) {
                    try {
                        log.write(line);
                        log.newLine();
                        log.flush();
                    } catch (IOException e) {
                        log = closeQuietly(log);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("job {}: reading its error output: {}", jobId, e.getMessage());
        } finally {
            closeQuietly(log);
        }
    }

    private BufferedWriter openLog(Path logFile) {
        if (logFile == null) {
            return null;
        }
        try {
            return Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("job {}: no log file: {}", jobId, e.getMessage());
            return null;
        }
    }

    private static BufferedWriter closeQuietly(BufferedWriter w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                // the log is a convenience; the job goes on without it
            }
        }
        return null;
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, "quire-job-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
