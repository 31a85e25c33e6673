package dev.quire.ocr.recognize;

import dev.quire.image.GrayImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LineBatchTest {
    private static GrayImage line(int w, int h, int value) {
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) value);
        return new GrayImage(w, h, px);
    }

    @Test
    void batchIsAsWideAsItsWidestLineAtHeight48() {
        // aspect 20 → 960 columns; the short line is padded
        LineBatch b = LineBatch.forRecognition(List.of(line(400, 20, 255), line(100, 24, 255)), 320);
        assertThat(b.width()).isEqualTo(960);
        assertThat(b.widths()).containsExactly(960, 200);
    }

    @Test
    void batchIsNeverNarrowerThanTheMinimumWidth() {
        LineBatch b = LineBatch.forRecognition(List.of(line(60, 30, 255)), 320);
        assertThat(b.width()).isEqualTo(320);
        assertThat(b.widths()).containsExactly(96);
    }

    @Test
    void valuesAreMappedToMinusOneToOneAndPaddingIsZero() {
        LineBatch b = LineBatch.forRecognition(List.of(line(10, 48, 0), line(5, 48, 255)), 8);
        int plane = 48 * b.width();
        assertThat(b.width()).isEqualTo(10);
        assertThat(b.nchw()[0]).isCloseTo(-1f, within(1e-6f));
        assertThat(b.nchw()[2 * plane + 9]).isCloseTo(-1f, within(1e-6f));
        int second = 3 * plane;
        assertThat(b.nchw()[second]).isCloseTo(1f, within(1e-6f));
        assertThat(b.nchw()[second + 4]).isCloseTo(1f, within(1e-6f));
        assertThat(b.nchw()[second + 5]).isZero();
    }

    @Test
    void fixedWidthBatchesSqueezeLongLines() {
        LineBatch b = LineBatch.of(List.of(line(1000, 40, 255)), 192);
        assertThat(b.width()).isEqualTo(192);
        assertThat(b.widths()).containsExactly(192);
    }
}
