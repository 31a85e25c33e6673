package dev.quire.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResizeTest {
    private static GrayImage image(int w, int h, int... values) {
        byte[] px = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            px[i] = (byte) values[i];
        }
        return new GrayImage(w, h, px);
    }

    @Test
    void upscalingInterpolatesBetweenPixelCentresLikeOpenCv() {
        // cv2.resize(np.array([[0, 100]], np.uint8), (4, 1)) == [[0, 25, 75, 100]]
        GrayImage out = Resize.bilinear(image(2, 1, 0, 100), 4, 1);
        assertThat(out.pixels()).containsExactly(0, 25, 75, 100);
    }

    @Test
    void halvingAveragesPairsWithoutLookingFurther() {
        // centre of output pixel 0 maps to 0.5 in the source: the mean of pixels 0 and 1
        GrayImage out = Resize.bilinear(image(4, 1, 0, 100, 200, 250), 2, 1);
        assertThat(out.pixels()).containsExactly((byte) 50, (byte) 225);
    }

    @Test
    void edgesAreClampedNotWrapped() {
        GrayImage out = Resize.bilinear(image(2, 2, 10, 20, 30, 40), 1, 4);
        assertThat(out.width()).isEqualTo(1);
        assertThat(out.get(0, 0)).isEqualTo(15);
        assertThat(out.get(0, 3)).isEqualTo(35);
    }

    @Test
    void sameSizeReturnsTheSameImage() {
        GrayImage in = image(2, 1, 1, 2);
        assertThat(Resize.bilinear(in, 2, 1)).isSameAs(in);
    }
}
