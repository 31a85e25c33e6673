package dev.quire.job;

import dev.quire.ocr.Engines;
import dev.quire.ocr.OcrEngine;
import dev.quire.ocr.StageStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Hands each executor engine's counters to tasks exactly once: engines are shared by the tasks
 * of a JVM, so a task that reported "my engine's totals" would count its neighbours' work too.
 * Each finishing task reports what the JVM's engines did since the previous report; summed on
 * the driver, that is every engine's total (up to the work of tasks that failed).
 */
final class EngineReports {
    private static final Logger LOG = LoggerFactory.getLogger(EngineReports.class);
    private static final Map<OcrEngine, StageStats> REPORTED = new WeakHashMap<>();

    private EngineReports() {
    }

    static synchronized StageStats sinceLastReport() {
        StageStats delta = StageStats.NONE;
        StageStats total = StageStats.NONE;
        for (OcrEngine engine : Engines.open()) {
            StageStats now = engine.stats();
            delta = delta.plus(now.minus(REPORTED.getOrDefault(engine, StageStats.NONE)));
            REPORTED.put(engine, now);
            total = total.plus(now);
        }
        if (total.ocrPages() > 0 && LOG.isDebugEnabled()) {
            LOG.debug("executor engine totals: {} pages, det {} images in {} s, rec {} lines in {} batches, {} s",
                    total.ocrPages(), total.detect().items(), String.format("%.1f", total.detect().seconds()),
                    total.recognize().items(), total.recognize().calls(),
                    String.format("%.1f", total.recognize().seconds()));
        }
        return delta;
    }
}
