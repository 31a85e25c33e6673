package dev.quire.ocr;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage figures add up across executors and subtract to per-task reports. */
class StageStatsTest {
    private static StageStats sample(long pages, long lines, long batches) {
        return new StageStats(pages, pages * 0.1, pages, new ModelStats(pages, pages, pages * 0.2, 1),
                ModelStats.NONE, new ModelStats(batches, lines, lines * 0.01, 16), 16, 0.5);
    }

    @Test
    void plusThenMinusGivesBackTheDelta() {
        StageStats earlier = sample(10, 200, 20);
        StageStats later = earlier.plus(sample(5, 100, 10));
        StageStats delta = later.minus(earlier);
        assertThat(delta.ocrPages()).isEqualTo(5);
        assertThat(delta.recognize().items()).isEqualTo(100);
        assertThat(delta.recognize().calls()).isEqualTo(10);
        assertThat(delta.recBatchLimit()).isEqualTo(16);
        assertThat(StageStats.NONE.plus(later)).isEqualTo(later);
    }

    @Test
    void figuresAreRatesOverStageTimeAndFill() {
        StageStats s = sample(10, 200, 20);
        assertThat(s.recFill()).isEqualTo(10.0 / 16);
        assertThat(s.linesPerPage()).isEqualTo(20.0);
        Map<String, Object> m = StageFigures.map(s, 4.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) m.get("recognize");
        assertThat(rec.get("lines_per_second")).isEqualTo(100.0);
        assertThat(rec.get("mean_batch")).isEqualTo(10.0);
        assertThat(rec.get("busy")).isEqualTo(0.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> det = (Map<String, Object>) m.get("detect");
        assertThat(det.get("images_per_second")).isEqualTo(5.0);
        assertThat(StageFigures.text(s, 4.0)).contains("lines/s").contains("fill 63 %");
    }
}
