package dev.quire.ocr;

import dev.quire.image.GrayImage;
import dev.quire.ocr.recognize.RecognitionBatcher;
import dev.quire.render.PdfDocument;
import dev.quire.render.RenderSettings;
import dev.quire.testing.SharedEngine;
import dev.quire.testing.TestPdfs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recogniser batches shared across concurrent pages (what the GPU path uses), exercised on CPU:
 * every page gets its own lines back, the same characters as when it runs alone, in fuller batches.
 */
class SharedBatchesTest {
    @TempDir
    static Path dir;
    private static final List<GrayImage> PAGES = new ArrayList<>();

    @BeforeAll
    static void pages() {
        List<List<String>> texts = List.of(TestPdfs.PROSE, TestPdfs.PROSE_LEFT, TestPdfs.PROSE_RIGHT,
                TestPdfs.PROSE.subList(2, 6));
        Path digital = TestPdfs.bornDigital(dir.resolve("pages.pdf"), texts);
        try (PdfDocument doc = PdfDocument.open(TestPdfs.imageOnly(digital, dir.resolve("scan.pdf"), 200))) {
            for (int i = 0; i < doc.pageCount(); i++) {
                PAGES.add(doc.render(i, RenderSettings.DEFAULTS).image());
            }
        }
    }

    @Test
    void concurrentPagesShareBatchesAndGetTheirOwnLinesBack() throws Exception {
        EngineSettings shared = SharedEngine.CPU.withRecognition(SharedEngine.CPU.recognition()
                .withBatchSize(8).withBatchWaitMillis(50));
        List<String> alone = new ArrayList<>();
        for (GrayImage page : PAGES) {
            alone.add(SharedEngine.get().recognize(page).text());
        }
        try (OcrEngine engine = OcrEngine.open(shared)) {
            ExecutorService pool = Executors.newFixedThreadPool(PAGES.size());
            try {
                List<Future<String>> texts = new ArrayList<>();
                for (GrayImage page : PAGES) {
                    texts.add(pool.submit(() -> engine.recognize(page).text()));
                }
                // padding to a shared batch width may nudge a restored space, never the characters
                for (int i = 0; i < PAGES.size(); i++) {
                    String text = texts.get(i).get();
                    assertThat(text.lines()).as("page " + (i + 1)).hasSameSizeAs(alone.get(i).lines().toList());
                    assertThat(text.replace(" ", "")).as("page " + (i + 1)).isEqualTo(alone.get(i).replace(" ", ""));
                }
            } finally {
                pool.shutdown();
            }
            RecognitionBatcher.Statistics stats = engine.batching().orElseThrow();
            int lines = 8 + 6 + 6 + 4;
            assertThat(stats.lines()).isEqualTo(lines);
            assertThat(stats.meanBatch()).isGreaterThan(1.5);
            assertThat(stats.batches()).isLessThan(lines);
            assertThat(stats.busySeconds()).isPositive();
            // the engine's per-stage counters see the same batches, and every page once
            StageStats s = engine.stats();
            assertThat(s.ocrPages()).isEqualTo(PAGES.size());
            assertThat(s.detect().items()).isEqualTo(PAGES.size());
            assertThat(s.detect().seconds()).isPositive();
            assertThat(s.recognize().items()).isEqualTo(lines);
            assertThat(s.recognize().calls()).isEqualTo(stats.batches());
            assertThat(s.recognize().maxItems()).isLessThanOrEqualTo(8);
            assertThat(s.recBatchLimit()).isEqualTo(8);
            assertThat(s.recognize().seconds()).isLessThanOrEqualTo(stats.busySeconds());
        }
    }

    @Test
    void aLonePageDoesNotWaitLongerThanTheBatchWait() {
        EngineSettings shared = SharedEngine.CPU.withRecognition(SharedEngine.CPU.recognition()
                .withBatchSize(64).withBatchWaitMillis(200));
        try (OcrEngine engine = OcrEngine.open(shared)) {
            long start = System.nanoTime();
            String text = engine.recognize(PAGES.get(3)).text();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(text.lines()).hasSize(4);
            // one partial batch: the wait (0.2 s) plus detection and one model call, far from a hang
            assertThat(seconds).isLessThan(20);
            assertThat(engine.batching().orElseThrow().batches()).isEqualTo(1);
        }
    }

    @Test
    void onCpuPagesDoNotShareBatchesByDefault() {
        assertThat(SharedEngine.get().batching()).isEmpty();
    }
}
