package dev.quire.service.results;

import dev.quire.service.results.Results.DocumentRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The documents rows of the few runs listed most recently. Keeping every run's rows would grow
 * with every nightly run; a listing usually pages through one recent run, so a handful suffices.
 */
final class RunRowsCache {
    private final int capacity;
    private final Map<String, List<DocumentRow>> rows;

    RunRowsCache(int capacity) {
        this.capacity = capacity;
        this.rows = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cached rows, or those {@code load} reads (outside the lock: a slow read must not stall other runs' pages). */
    List<DocumentRow> get(String runId, Function<String, List<DocumentRow>> load) {
        synchronized (rows) {
            List<DocumentRow> cached = rows.get(runId);
            if (cached != null) {
                return cached;
            }
        }
        List<DocumentRow> loaded = load.apply(runId);
        put(runId, loaded);
        return loaded;
    }

    void put(String runId, List<DocumentRow> runRows) {
        synchronized (rows) {
            rows.put(runId, runRows);
            while (rows.size() > capacity) {
                rows.remove(rows.keySet().iterator().next());
            }
        }
    }

    void clear() {
        synchronized (rows) {
            rows.clear();
        }
    }
}
