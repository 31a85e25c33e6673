package dev.quire.ocr.detect;

import dev.quire.image.GrayImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DetectorInputTest {
    @Test
    void longSideIsLimitedAndBothSidesRoundedToMultiplesOf32() {
        // 200 DPI Letter scan: 1700×2200 → ratio 960/2200 → 741×960 → 736×960
        assertThat(DetectorInput.inputSize(1700, 2200, 960)).containsExactly(736, 960);
        // the scale keeps the aspect before rounding: 1664×2347 → 680×960 → 672×960
        assertThat(DetectorInput.inputSize(1664, 2347, 960)).containsExactly(672, 960);
    }

    @Test
    void smallImagesAreNotEnlargedButStillRounded() {
        // int(100) → round(3.125) = 3 → 96; int(50) → round(1.5625) = 2 → 64
        assertThat(DetectorInput.inputSize(100, 50, 960)).containsExactly(96, 64);
        // rounding to even (Python's round): 48/32 = 1.5 → 2 → 64; 80/32 = 2.5 → 2 → 64
        assertThat(DetectorInput.inputSize(48, 80, 960)).containsExactly(64, 64);
    }

    @Test
    void tinyImagesGetAtLeast32Pixels() {
        assertThat(DetectorInput.inputSize(5, 3, 960)).containsExactly(32, 32);
    }

    @Test
    void pixelsAreNormalisedWithImageNetStatisticsPerChannel() {
        byte[] px = new byte[64 * 64];
        Arrays.fill(px, (byte) 255);
        px[0] = 0;
        DetectorInput in = DetectorInput.of(new GrayImage(64, 64, px), 960);
        int plane = 64 * 64;
        assertThat(in.chw()[0]).isCloseTo(-0.485f / 0.229f, within(1e-5f));
        assertThat(in.chw()[plane]).isCloseTo(-0.456f / 0.224f, within(1e-5f));
        assertThat(in.chw()[2 * plane]).isCloseTo(-0.406f / 0.225f, within(1e-5f));
        assertThat(in.chw()[1]).isCloseTo((1 - 0.485f) / 0.229f, within(1e-5f));
    }
}
