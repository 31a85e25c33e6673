package dev.quire.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerspectiveWarpTest {
    /** A 40×30 gradient: value = x * 4 + y. */
    private static GrayImage gradient() {
        byte[] px = new byte[40 * 30];
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                px[y * 40 + x] = (byte) (x * 4 + y);
            }
        }
        return new GrayImage(40, 30, px);
    }

    @Test
    void axisAlignedBoxIsAnExactCrop() {
        GrayImage src = gradient();
        GrayImage out = PerspectiveWarp.warp(src, new float[] {5, 3, 25, 3, 25, 13, 5, 13}, 20, 10);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                assertThat(out.get(x, y)).isEqualTo(src.get(5 + x, 3 + y));
            }
        }
    }

    @Test
    void borderPixelsAreReplicated() {
        GrayImage src = gradient();
        GrayImage out = PerspectiveWarp.warp(src, new float[] {-2, 0, 8, 0, 8, 5, -2, 5}, 10, 5);
        assertThat(out.get(0, 0)).isEqualTo(src.get(0, 0));
        assertThat(out.get(1, 0)).isEqualTo(src.get(0, 0));
        assertThat(out.get(2, 0)).isEqualTo(src.get(0, 0));
        assertThat(out.get(3, 0)).isEqualTo(src.get(1, 0));
    }

    @Test
    void rotatedQuadIsStraightened() {
        GrayImage src = gradient();
        float[] quad = {10, 5, 30, 15, 25, 25, 5, 15};
        GrayImage out = PerspectiveWarp.warp(src, quad, 22, 11);
        // the output's top-left sample is the quad's top-left corner
        assertThat(out.get(0, 0)).isCloseTo(src.get(10, 5), within(2));
        // 10/22 of the way along the top edge (20, 10) lands near (19.1, 9.5) in the source
        assertThat(out.get(10, 0)).isCloseTo(src.get(19, 10), within(3));
    }

    @Test
    void homographyMapsRectangleCornersOntoTheQuad() {
        float[] quad = {10, 5, 30, 15, 25, 25, 5, 15};
        double[] h = Homography.fromRectangle(22, 11, quad);
        double[][] corners = {{0, 0}, {22, 0}, {22, 11}, {0, 11}};
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            double w = h[6] * x + h[7] * y + h[8];
            assertThat((h[0] * x + h[1] * y + h[2]) / w).isCloseTo(quad[2 * i], within(1e-6));
            assertThat((h[3] * x + h[4] * y + h[5]) / w).isCloseTo(quad[2 * i + 1], within(1e-6));
        }
    }
}
