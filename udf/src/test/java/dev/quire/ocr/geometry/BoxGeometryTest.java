package dev.quire.ocr.geometry;

import dev.quire.ocr.geometry.BoxGeometry.MiniBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoxGeometryTest {
    @Test
    void miniBoxOfAnAxisAlignedRectangleStartsTopLeftClockwise() {
        MiniBox b = BoxGeometry.miniBox(new double[] {10, 20, 50, 20, 50, 30, 10, 30, 30, 25});
        assertThat(b.shortSide()).isCloseTo(10, within(1e-9));
        assertThat(b.quad().points()).containsExactly(10, 20, 50, 20, 50, 30, 10, 30);
    }

    @Test
    void miniBoxFollowsARotatedLine() {
        // a 100×10 rectangle rotated by 30 degrees around (100, 100)
        double a = Math.toRadians(30);
        double[][] local = {{-50, -5}, {50, -5}, {50, 5}, {-50, 5}};
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            xy[2 * i] = 100 + local[i][0] * Math.cos(a) - local[i][1] * Math.sin(a);
            xy[2 * i + 1] = 100 + local[i][0] * Math.sin(a) + local[i][1] * Math.cos(a);
        }
        MiniBox b = BoxGeometry.miniBox(xy);
        assertThat(b.shortSide()).isCloseTo(10, within(1e-6));
        assertThat(b.quad().edgeWidth()).isCloseTo(100, within(1e-3));
        // first corner is the upper of the two leftmost points
        assertThat(b.quad().x(0)).isCloseTo((float) xy[0], within(1e-3f));
        assertThat(b.quad().y(0)).isCloseTo((float) xy[1], within(1e-3f));
    }

    @Test
    void degeneratePointsHaveNoBox() {
        assertThat(BoxGeometry.miniBox(new double[] {0, 0, 10, 0, 20, 0})).isNull();
    }

    @Test
    void unclipGrowsByAreaTimesRatioOverPerimeter() {
        Quad box = Quad.rectangle(0, 0, 100, 10);
        double d = 100 * 10 * 1.5 / 220;
        MiniBox grown = BoxGeometry.unclip(box, 1.5);
        assertThat(grown.quad().minX()).isCloseTo((float) -d, within(1e-3f));
        assertThat(grown.quad().maxX()).isCloseTo((float) (100 + d), within(1e-3f));
        assertThat(grown.quad().minY()).isCloseTo((float) -d, within(1e-3f));
        assertThat(grown.shortSide()).isCloseTo(10 + 2 * d, within(1e-3));
    }

    @Test
    void orderClockwiseStartsTopLeft() {
        Quad shuffled = Quad.of(50, 30, 10, 20, 50, 20, 10, 30);
        assertThat(BoxGeometry.orderClockwise(shuffled).points()).containsExactly(10, 20, 50, 20, 50, 30, 10, 30);
    }
}
