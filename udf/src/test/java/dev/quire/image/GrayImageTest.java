package dev.quire.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrayImageTest {
    private static final GrayImage TWO_BY_THREE = new GrayImage(2, 3, new byte[] {1, 2, 3, 4, 5, 6});

    @Test
    void rotate90CounterClockwiseMatchesNumpyRot90() {
        // np.rot90([[1,2],[3,4],[5,6]]) == [[2,4,6],[1,3,5]]
        GrayImage r = TWO_BY_THREE.rotate90CounterClockwise();
        assertThat(r.width()).isEqualTo(3);
        assertThat(r.height()).isEqualTo(2);
        assertThat(r.pixels()).containsExactly(2, 4, 6, 1, 3, 5);
    }

    @Test
    void rotate180ReversesPixels() {
        assertThat(TWO_BY_THREE.rotate180().pixels()).containsExactly(6, 5, 4, 3, 2, 1);
    }

    @Test
    void convertsColourImagesToGray() {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFFFFFF);
        rgb.setRGB(1, 0, 0x000000);
        GrayImage g = GrayImage.from(rgb);
        assertThat(g.get(0, 0)).isGreaterThan(250);
        assertThat(g.get(1, 0)).isZero();
    }

    @Test
    void rejectsMismatchedPixelArrays() {
        assertThatThrownBy(() -> new GrayImage(2, 2, new byte[3])).hasMessageContaining("3 bytes");
    }
}
