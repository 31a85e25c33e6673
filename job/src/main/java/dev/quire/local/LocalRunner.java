package dev.quire.local;

import dev.quire.QuireException;
import dev.quire.pipeline.DocumentResult;
import dev.quire.pipeline.PageRange;
import dev.quire.pipeline.PageRangeTask;
import dev.quire.pipeline.PageResult;
import dev.quire.pipeline.PipelineSettings;
import dev.quire.render.DocumentException;
import dev.quire.render.DocumentProblem;
import dev.quire.render.PdfDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Processes files on this machine without Spark: documents are split into page ranges that a
 * pool of worker threads renders and OCRs concurrently with the JVM's shared engine. Results are
 * handed to the sink one document at a time, in input order.
 */
public final class LocalRunner {
    /** Longest page range one worker takes at a time. */
    static final int MAX_PAGES_PER_TASK = 16;

    private final PipelineSettings settings;
    private final int workers;

    public LocalRunner(PipelineSettings settings, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be positive: " + workers);
        }
        this.settings = settings;
        this.workers = workers;
    }

    /** A document whose page ranges are in flight. */
    private record Pending(Path file, String docId, long size, int pageCount, List<Future<List<PageResult>>> ranges,
                           DocumentResult done) {
    }

    public void run(List<Path> files, Consumer<DocumentResult> sink, Progress progress) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "quire-worker-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        PageRangeTask task = new PageRangeTask(settings);
        Deque<Pending> pending = new ArrayDeque<>();
        try {
            for (Path file : files) {
                pending.add(submit(file, pool, task, progress));
                drain(pending, sink, false);
            }
            drain(pending, sink, true);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    private Pending submit(Path file, ExecutorService pool, PageRangeTask task, Progress progress) {
        String path = file.toString();
        long size;
        String docId;
        try {
            size = Files.size(file);
            docId = FileDigest.sha256(file);
        } catch (IOException e) {
            var problem = new DocumentException(DocumentProblem.UNREADABLE, path + ": cannot read: " + describe(e), e);
            return new Pending(file, null, 0, 0, List.of(), DocumentResult.unopenable(path, null, 0, problem));
        }
        int pages;
        try (PdfDocument doc = PdfDocument.open(file)) {
            pages = doc.pageCount();
        } catch (DocumentException e) {
            return new Pending(file, docId, size, 0, List.of(), DocumentResult.unopenable(path, docId, size, e));
        }
        if (pages > settings.maxPages()) {
            var problem = new DocumentException(DocumentProblem.TOO_LARGE,
                    path + ": " + pages + " pages, more than the limit of " + settings.maxPages());
            return new Pending(file, docId, size, pages, List.of(), DocumentResult.unopenable(path, docId, size, problem));
        }
        progress.pagesQueued(pages);
        List<Future<List<PageResult>>> ranges = new ArrayList<>();
        for (PageRange range : PageRange.split(pages, pagesPerTask(pages))) {
            ranges.add(pool.submit(() -> {
                List<PageResult> out = task.run(file, range);
                progress.pagesDone(out.size());
                return out;
            }));
        }
        return new Pending(file, docId, size, pages, ranges, null);
    }

    /** Small documents are spread over all workers page by page; big ones go in longer runs. */
    private int pagesPerTask(int pages) {
        return Math.max(1, Math.min(MAX_PAGES_PER_TASK, (pages + 2 * workers - 1) / (2 * workers)));
    }

    /** Emits finished documents from the head of the queue; waits for them when {@code block}. */
    private static void drain(Deque<Pending> pending, Consumer<DocumentResult> sink, boolean block) {
        while (!pending.isEmpty() && (block || isDone(pending.peek()))) {
            sink.accept(collect(pending.poll()));
        }
    }

    private static boolean isDone(Pending p) {
        return p.ranges().stream().allMatch(Future::isDone);
    }

    private static DocumentResult collect(Pending p) {
        if (p.done() != null) {
            return p.done();
        }
        List<PageResult> pages = new ArrayList<>(p.pageCount());
        for (Future<List<PageResult>> f : p.ranges()) {
            pages.addAll(await(f));
        }
        return DocumentResult.of(p.file().toString(), p.docId(), p.size(), p.pageCount(), pages);
    }

    private static List<PageResult> await(Future<List<PageResult>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuireException("interrupted", e);
        } catch (ExecutionException e) {
            // only engine-wide failures (models, device) escape a page task: they are fatal
            if (e.getCause() instanceof QuireException q) {
                throw q;
            }
            throw new QuireException("OCR worker failed: " + e.getCause(), e.getCause());
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
