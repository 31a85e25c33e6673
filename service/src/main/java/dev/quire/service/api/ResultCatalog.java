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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results across every output root the service knows: those of succeeded jobs (newest first) and
 * the default output root. A document is looked up root by root; the first that has it wins.
 * Before a lookup the catalog looks for new roots and newly committed runs, but at most once per
 * {@code refreshMillis}: results are never older than that, and no stream of requests makes the
 * service list directories more often. A root that cannot be read is skipped (and logged), so one
 * unreachable output does not take every lookup down with it.
 */
public final class ResultCatalog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultCatalog.class);
    private final Supplier<List<String>> jobOutputs;
    private final String defaultOutput;
    private final Function<String, Results> opener;
    private final long refreshMillis;
    private final LongSupplier clock;
    private final Map<String, Results> open = new ConcurrentHashMap<>();
    private volatile List<String> roots;
    private volatile long lastRefresh;

    /**
     * @param jobOutputs    output roots of succeeded jobs, newest first (e.g. {@code Jobs::resultOutputs})
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
        if (due()) {
            refreshAll();
        }
        for (String root : roots) {
            try {
                Optional<T> hit = lookup.apply(results(root));
                if (hit.isPresent()) {
                    return hit;
                }
            } catch (RuntimeException e) {
                LOG.warn("results of {} cannot be read: {}", root, e.toString());
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
        LinkedHashSet<String> all = new LinkedHashSet<>();
        try {
            all.addAll(jobOutputs.get());
        } catch (RuntimeException e) {
            LOG.warn("cannot list the outputs of jobs (keeping the known ones): {}", e.toString());
            all.addAll(roots);
        }
        all.add(defaultOutput);
        List<String> now = new ArrayList<>(all);
        for (String root : now) {
            Results r = open.get(root);
            if (r != null) {
                try {
                    r.refresh();   // a root opened just now read its runs already
                } catch (RuntimeException e) {
                    LOG.warn("results of {} cannot be refreshed: {}", root, e.toString());
                }
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
