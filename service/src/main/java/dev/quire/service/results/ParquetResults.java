package dev.quire.service.results;

import dev.quire.job.CommittedRuns;
import dev.quire.job.OutputLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link Results} read straight from an output root's Parquet with parquet-java (no Spark).
 * The current documents (one row per input file, small) are held in memory as an immutable
 * snapshot; a lookup finds the document's row there and reads its pages from the run that holds
 * them. {@link #refresh()} loads only runs committed since the last look and swaps the snapshot,
 * so lookups never wait for it.
 */
public final class ParquetResults implements Results {
    /** Runs whose documents rows stay in memory for listings. */
    private static final int LISTED_RUNS = 4;

    private final OutputLayout layout;
    private final Configuration conf;
    private final DocumentsTable documents;
    private final RunRowsCache runRows = new RunRowsCache(LISTED_RUNS);
    private final AtomicReference<CurrentDocuments> current = new AtomicReference<>(CurrentDocuments.EMPTY);
    private final Object refreshing = new Object();
    /**
     * Page reads are CPU-bound (decompressing and decoding Parquet pages). Running more at once than
     * there are cores only interleaves them: each takes longer, and the scheduler's unfairness
     * stretches the tail. A fair semaphore lets as many run as there are cores and serves the rest
     * in arrival order.
     */
    private final Semaphore reading = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public ParquetResults(String outputRoot, Configuration conf) {
        this.layout = new OutputLayout(outputRoot);
        this.conf = forLookups(conf);
        this.documents = new DocumentsTable(layout, this.conf);
        refresh();
    }

    @Override
    public Optional<DocumentView> document(String docId) {
        CurrentDocuments now = current.get();
        DocumentRow row = now.document(docId);
        if (row == null) {
            return Optional.empty();
        }
        return Optional.of(new DocumentView(row, pages(now, row, docId, PagesFile.Projection.FULL)));
    }

    @Override
    public Optional<String> text(String docId) {
        CurrentDocuments now = current.get();
        DocumentRow row = now.document(docId);
        if (row == null) {
            return Optional.empty();
        }
        // as dev.quire.pipeline.DocumentResult.text(): each page's text and a newline, pages separated by \f
        StringBuilder text = new StringBuilder();
        List<PageRow> pages = pages(now, row, docId, PagesFile.Projection.TEXT);
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                text.append('\f');
            }
            text.append(pages.get(i).text()).append('\n');
        }
        return Optional.of(text.toString());
    }

    @Override
    public Slice<DocumentRow> documentsOfRun(String runId, String status, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        if (!current.get().runs().contains(runId)) {
            return new Slice<>(List.of(), 0, offset, limit);
        }
        List<DocumentRow> rows = runRows.get(runId, documents::ofRun);
        if (status != null) {
            rows = rows.stream().filter(r -> status.equals(r.status())).toList();
        }
        int from = Math.min(offset, rows.size());
        int to = (int) Math.min((long) from + limit, rows.size());
        return new Slice<>(List.copyOf(rows.subList(from, to)), rows.size(), offset, limit);
    }

    @Override
    public void refresh() {
        synchronized (refreshing) {
            CurrentDocuments now = current.get();
            List<String> committed = CommittedRuns.ids(layout, conf);
            List<String> added = new ArrayList<>(committed);
            added.removeAll(now.runs());
            if (added.isEmpty()) {
                return;
            }
            Map<String, List<DocumentRow>> rows = new LinkedHashMap<>();
            for (String run : added) {
                rows.put(run, documents.ofRun(run));
            }
            CurrentDocuments next = now.with(rows, run -> RunPages.open(layout, run, conf));
            current.set(next);
            now.closeDropped(next);
            // the newest run is the one a listing most likely asks for next
            String newest = added.get(added.size() - 1);
            runRows.put(newest, rows.get(newest));
        }
    }

    @Override
    public void close() {
        current.getAndSet(CurrentDocuments.EMPTY).closeDropped(CurrentDocuments.EMPTY);
        runRows.clear();
    }

    /**
     * Local files are read without Hadoop's {@code .crc} side files: checking them costs about half
     * of a lookup's CPU (every small positioned read re-reads and re-sums whole checksum chunks).
     * Parquet's own page checksums, which Spark writes by default, are verified instead.
     */
    private static Configuration forLookups(Configuration conf) {
        Configuration c = new Configuration(conf);
        c.set("fs.file.impl", RawLocalFileSystem.class.getName());
        c.setBoolean("fs.file.impl.disable.cache", true);
        c.setBoolean("parquet.page.verify-checksum.enabled", true);
        return c;
    }

    private List<PageRow> pages(CurrentDocuments now, DocumentRow row, String docId,
                                PagesFile.Projection projection) {
        RunPages pages = now.pagesOf(row);
        if (pages == null) {
            return List.of();
        }
        reading.acquireUninterruptibly();
        try {
            return pages.pages(docId, projection);
        } finally {
            reading.release();
        }
    }
}
