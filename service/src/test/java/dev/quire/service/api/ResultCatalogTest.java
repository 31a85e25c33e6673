package dev.quire.service.api;

import dev.quire.service.results.Results;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ResultCatalog}: root order, new roots and runs found, refreshes throttled, unreadable roots skipped. */
class ResultCatalogTest {
    /** Results whose documents are just ids; refresh makes the pending ones visible. */
    static final class MapResults implements Results {
        final Map<String, String> visible = new ConcurrentHashMap<>();
        final Map<String, String> pending = new ConcurrentHashMap<>();
        final AtomicInteger refreshes = new AtomicInteger();

        @Override
        public Optional<DocumentView> document(String docId) {
            return text(docId).map(t -> new DocumentView(new DocumentRow(docId, t, 0, null, 0, "ok", null, 0, 0,
                    null, "r", null, null, "r"), List.of()));
        }

        @Override
        public Optional<String> text(String docId) {
            return Optional.ofNullable(visible.get(docId));
        }

        @Override
        public Slice<DocumentRow> documentsOfRun(String runId, String status, int offset, int limit) {
            return new Slice<>(List.of(), 0, offset, limit);
        }

        @Override
        public void refresh() {
            refreshes.incrementAndGet();
            visible.putAll(pending);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void newestJobOutputWinsThenTheDefaultAndLookupsRefreshAtMostOncePerInterval() {
        Map<String, MapResults> roots = new ConcurrentHashMap<>();
        List<String> jobOutputs = new ArrayList<>();
        AtomicLong now = new AtomicLong(0);
        ResultCatalog catalog = new ResultCatalog(() -> List.copyOf(jobOutputs), "default",
                root -> roots.computeIfAbsent(root, r -> new MapResults()), 1000, now::get);
        MapResults def = roots.computeIfAbsent("default", r -> new MapResults());
        def.visible.put("d", "from default");
        assertThat(catalog.text("d")).hasValue("from default");

        MapResults newer = roots.computeIfAbsent("newer", r -> new MapResults());
        newer.visible.put("d", "from newer");
        newer.visible.put("n", "only newer");
        jobOutputs.add("newer");
        now.set(500);
        assertThat(catalog.text("n")).as("within the interval: no new roots yet").isEmpty();
        now.set(2000);
        assertThat(catalog.text("n")).hasValue("only newer");
        assertThat(catalog.text("d")).as("job outputs before the default").hasValue("from newer");

        def.pending.put("late", "committed later");   // not yet visible: within the interval
        int before = def.refreshes.get();
        now.set(2500);
        assertThat(catalog.text("late")).isEmpty();
        assertThat(catalog.text("late")).isEmpty();
        assertThat(def.refreshes.get()).isEqualTo(before);
        now.set(4000);
        def.visible.put("late", "stale");
        def.pending.put("late", "fresh");
        assertThat(catalog.text("late")).as("a hit is refreshed too").hasValue("fresh");
        assertThat(def.refreshes.get()).isEqualTo(before + 1);
    }

    @Test
    void anUnreadableRootIsSkipped() {
        MapResults good = new MapResults();
        good.visible.put("d", "text");
        ResultCatalog catalog = new ResultCatalog(() -> List.of("broken"), "default", root -> {
            if (root.equals("broken")) {
                throw new IllegalStateException("cannot list runs");
            }
            return good;
        }, 0);
        assertThat(catalog.text("d")).hasValue("text");
    }
}
