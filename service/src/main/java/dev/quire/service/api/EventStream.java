package dev.quire.service.api;

import dev.quire.service.jobs.JobEvent;
import dev.quire.service.jobs.Jobs;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /jobs/{id}/events}: the job's events as Server-Sent Events, a comment line every
 * {@code heartbeatSeconds} while nothing happens (it keeps proxies and Jetty's idle timeout from
 * closing the stream, and finds a client that went away), and the end of the stream after the
 * {@code finished} event.
 * <p>
 * The stream is written by the request's own thread, which waits on a queue the runner's
 * listener fills: events keep their order and the listener never blocks (as {@link Jobs#subscribe}
 * requires). A client too slow to keep up loses intermediate events once its queue is full (it
 * can list the job's documents instead), never the {@code finished} event, which is kept apart.
 * Each open stream holds one server thread until it ends.
 */
final class EventStream {
    static final int QUEUE = 4096;
    private static final JobEvent END = new JobEvent("", "");

    private final Jobs jobs;
    private final long heartbeatMillis;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();

    EventStream(Jobs jobs, int heartbeatSeconds) {
        this.jobs = jobs;
        this.heartbeatMillis = TimeUnit.SECONDS.toMillis(heartbeatSeconds);
    }

    /** One client's stream. */
    private static final class Stream {
        final BlockingQueue<JobEvent> queue = new ArrayBlockingQueue<>(QUEUE);
        final AtomicReference<JobEvent> finished = new AtomicReference<>();

        void accept(JobEvent e) {
            if ("finished".equals(e.type())) {
                finished.compareAndSet(null, e);
                queue.offer(END);   // wakes the writer; if the queue is full it finds `finished` after draining
            } else {
                queue.offer(e);
            }
        }

        void end() {
            finished.compareAndSet(null, END);
            queue.offer(END);
        }
    }

    void handle(Context ctx) {
        String id = ctx.pathParam("id");
        Stream stream = new Stream();
        // subscribe before anything is written, so that an unknown job is still a plain 404
        AutoCloseable subscription = jobs.subscribe(id, stream::accept);
        open.add(stream);
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream; charset=utf-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");   // nginx would otherwise hold events back
            OutputStream out = res.getOutputStream();
            write(out, ": events of job " + id + "\n\n");
            pump(stream, out);
            out.close();   // the last chunk goes out now, on this thread, not whenever Jetty gets to it
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            open.remove(stream);
            closeQuietly(subscription);
        }
    }

    private static void closeQuietly(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            // the stream has ended either way
        }
    }

    private void pump(Stream stream, OutputStream out) throws IOException {
        while (true) {
            JobEvent e;
            try {
                e = stream.queue.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
            if (e != null && e != END) {
                write(out, frame(e));
                continue;
            }
            // a timeout or the wake-up: the end once everything before it went out
            JobEvent last = stream.finished.get();
            if (last != null && stream.queue.isEmpty()) {
                if (last != END) {
                    write(out, frame(last));
                }
                return;
            }
            if (e == null) {
                write(out, ": heartbeat\n\n");
            }
        }
    }

    /** One SSE frame; a data field may not contain a line break, so each line gets its own {@code data:}. */
    static String frame(JobEvent e) {
        StringBuilder b = new StringBuilder("event: ").append(e.type()).append('\n');
        for (String line : e.json().split("\r\n|\r|\n", -1)) {
            b.append("data: ").append(line).append('\n');
        }
        return b.append('\n').toString();
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Ends every open stream (server stop), so that no request thread waits for a job, and waits up
     * to {@code waitMillis} for their last chunks to be written: stopping Jetty before that would cut
     * the streams off instead of ending them.
     */
    void closeAll(long waitMillis) {
        open.forEach(Stream::end);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
