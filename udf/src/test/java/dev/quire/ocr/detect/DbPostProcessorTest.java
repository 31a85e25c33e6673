package dev.quire.ocr.detect;

import dev.quire.ocr.detect.DbPostProcessor.Box;
import dev.quire.ocr.geometry.Quad;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DbPostProcessorTest {
    private final DbPostProcessor post = new DbPostProcessor(DetectionSettings.DEFAULTS);

    /** A map of {@code w}×{@code h} with the value {@code p} over [x0, x1]×[y0, y1] (inclusive). */
    private static ProbabilityMap map(int w, int h, float p, int[]... rects) {
        float[] v = new float[w * h];
        for (int[] r : rects) {
            for (int y = r[1]; y <= r[3]; y++) {
                for (int x = r[0]; x <= r[2]; x++) {
                    v[y * w + x] = p;
                }
            }
        }
        return new ProbabilityMap(w, h, v);
    }

    @Test
    void aConfidentRegionBecomesOneUnclippedBox() {
        // pixel centres 10..109 × 20..29: minAreaRect 99×9, area×1.5/perimeter = 891×1.5/216 ≈ 6.19
        List<Box> boxes = post.boxes(map(200, 100, 0.9f, new int[] {10, 20, 109, 29}), 200, 100);
        assertThat(boxes).hasSize(1);
        Quad q = boxes.get(0).quad();
        assertThat(boxes.get(0).score()).isCloseTo(0.9f, within(1e-4f));
        assertThat(q.x(0)).isCloseTo(4, within(1f));
        assertThat(q.y(0)).isCloseTo(14, within(1f));
        assertThat(q.x(2)).isCloseTo(115, within(1f));
        assertThat(q.y(2)).isCloseTo(35, within(1f));
    }

    @Test
    void boxesAreScaledFromMapToSourcePixels() {
        List<Box> boxes = post.boxes(map(200, 100, 0.9f, new int[] {10, 20, 109, 29}), 400, 300);
        Quad q = boxes.get(0).quad();
        assertThat(q.x(0)).isCloseTo(8, within(2f));
        assertThat(q.y(0)).isCloseTo(42, within(3f));
        assertThat(q.maxX()).isCloseTo(230, within(2f));
    }

    @Test
    void separateRegionsGiveSeparateBoxes() {
        ProbabilityMap m = map(200, 100, 0.9f, new int[] {10, 10, 90, 18}, new int[] {110, 10, 190, 18},
                new int[] {10, 60, 190, 70});
        assertThat(post.boxes(m, 200, 100)).hasSize(3);
    }

    @Test
    void regionsBelowTheBoxThresholdAreDropped() {
        // above the binary threshold (0.3) but below the box threshold (0.6)
        assertThat(post.boxes(map(200, 100, 0.5f, new int[] {10, 20, 109, 29}), 200, 100)).isEmpty();
    }

    @Test
    void specksNarrowerThanTheMinimumSizeAreDropped() {
        assertThat(post.boxes(map(200, 100, 0.95f, new int[] {10, 20, 109, 21}), 200, 100)).isEmpty();
    }

    @Test
    void boxesAreClippedToTheImage() {
        List<Box> boxes = post.boxes(map(100, 50, 0.9f, new int[] {0, 0, 99, 12}), 100, 50);
        Quad q = boxes.get(0).quad();
        assertThat(q.minX()).isGreaterThanOrEqualTo(0);
        assertThat(q.minY()).isGreaterThanOrEqualTo(0);
        assertThat(q.maxX()).isLessThanOrEqualTo(99);
    }

    @Test
    void candidatesAreLimited() {
        int[][] bars = new int[40][];
        for (int i = 0; i < 40; i++) {
            bars[i] = new int[] {6 * i, 10, 6 * i + 3, 40};
        }
        ProbabilityMap m = map(250, 60, 0.9f, bars);
        DbPostProcessor limited = new DbPostProcessor(new DetectionSettings(960, 0.3, 0.6, 1.5, 10));
        assertThat(limited.boxes(m, 250, 60)).hasSize(10);
        assertThat(post.boxes(m, 250, 60)).hasSize(40);
    }

    @Test
    void meanInsideAveragesOnlyThePolygon() {
        ProbabilityMap m = map(20, 20, 1f, new int[] {0, 0, 9, 19});
        assertThat(DbPostProcessor.meanInside(m, Quad.rectangle(0, 0, 9, 19))).isEqualTo(1f);
        assertThat(DbPostProcessor.meanInside(m, Quad.rectangle(0, 0, 19, 19))).isCloseTo(0.5f, within(1e-6f));
    }
}
