package dev.quire.service.api;

import dev.quire.service.results.Results;
import dev.quire.service.results.Results.DocumentView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Results across every output root the service knows: those of succeeded jobs (newest first) and
 * the default output root. A document is looked up root by root; the first that has it wins. A
 * miss makes the catalog look again for new roots and newly committed runs, but at most once per
 * {@code refreshMillis}, so a client asking for unknown ids cannot make the service list
 * directories on every request.
 */
public final class ResultCatalog implements AutoCloseable {
    private final Supplier<List<String>> jobOutputs;
    private final String defaultOutput;
    private final Function<String, Results> opener;
    private final long refreshMillis;
    private final LongSupplier clock;
    private final Map<String, Results> open = new ConcurrentHashMap<>();
    private volatile List<String> roots;
    private volatile long lastRefresh;

    /**
     * @param jobOutputs    output roots of succeeded jobs, newest first (e.g. {@code JobStore::resultOutputs})
     * @param defaultOutput the default output root, searched last
     * @param opener        opens one root's results (a {@code ParquetResults})
     */
    public ResultCatalog(Supplier<List<String>> jobOutputs, String defaultOutput, Function<String, Results> opener,
                         long refreshMillis) {
        this(jobOutputs, defaultOutput, opener, refreshMillis, System::currentTimeMillis);
    }

    ResultCatalog(Supplier<List<String>> jobOutputs, String defaultOutput, Function<String, Results> opener,
                  long refreshMillis, LongSupplier clock) {
        this.jobOutputs = jobOutputs;
        this.defaultOutput = defaultOutput;
        this.opener = opener;
        this.refreshMillis = refreshMillis;
        this.clock = clock;
        this.roots = List.of(defaultOutput);
        this.lastRefresh = Long.MIN_VALUE / 2;
    }

    public Optional<DocumentView> document(String docId) {
        return find(r -> r.document(docId));
    }

    public Optional<String> text(String docId) {
        return find(r -> r.text(docId));
    }

    /** One root's results (a job's output), refreshed when the caller asks and the interval allows. */
    public Results output(String root, boolean refresh) {
        Results r = results(root);
        if (refresh && due()) {
            r.refresh();
        }
        return r;
    }

    private <T> Optional<T> find(Function<Results, Optional<T>> lookup) {
        Optional<T> hit = search(lookup);
        if (hit.isEmpty() && due()) {
            refreshAll();
            hit = search(lookup);
        }
        return hit;
    }

    private <T> Optional<T> search(Function<Results, Optional<T>> lookup) {
        for (String root : roots) {
            Optional<T> hit = lookup.apply(results(root));
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Results results(String root) {
        return open.computeIfAbsent(root, opener);
    }

    /** True at most once per interval (the caller then refreshes). */
    private synchronized boolean due() {
        long now = clock.getAsLong();
        if (now - lastRefresh < refreshMillis) {
            return false;
        }
        lastRefresh = now;
        return true;
    }

    private void refreshAll() {
        LinkedHashSet<String> all = new LinkedHashSet<>(jobOutputs.get());
        all.add(defaultOutput);
        List<String> now = new ArrayList<>(all);
        for (String root : now) {
            Results r = open.get(root);
            if (r != null) {
                r.refresh();   // a root opened just now read its runs already
            }
        }
        roots = List.copyOf(now);
    }

    @Override
    public void close() {
        open.values().forEach(Results::close);
        open.clear();
    }
}
