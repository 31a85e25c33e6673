package dev.quire.ocr.recognize;

import dev.quire.image.GrayImage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class LineTextTest {
    /** Each time step covers this many columns of the line image. */
    static final int PX = 4;
    static final int HEIGHT = 20;

    private static CharDictionary dictionary() throws IOException {
        // classes: 0 blank, 1 'o', 2 'f', 3 'W', 4 space
        return CharDictionary.read(new ByteArrayInputStream("o\nf\nW\n".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * "of" + "W" with {@code gapSteps} blank steps between 'f' and 'W' whose space probability
     * is {@code sp}.
     */
    private static CtcResult ofW(int gapSteps, float sp) {
        int steps = 4 + gapSteps;
        float[] space = new float[steps];
        for (int t = 2; t < 2 + gapSteps; t++) {
            space[t] = sp;
        }
        return new CtcResult(new int[] {1, 2, 3}, new int[] {0, 1, 2 + gapSteps}, new int[] {0, 1, 2 + gapSteps},
                new float[] {.9f, .9f, .9f}, space, steps, PX);
    }

    /** A line image with ink in every column except {@code [blankFrom, blankTo)}. */
    private static GrayImage image(int steps, int blankFrom, int blankTo) {
        int w = steps * PX;
        byte[] px = new byte[w * HEIGHT];
        Arrays.fill(px, (byte) 255);
        for (int y = 6; y < 11; y++) {
            for (int x = 0; x < w; x++) {
                if (x < blankFrom || x >= blankTo) {
                    px[y * w + x] = 0;
                }
            }
        }
        return new GrayImage(w, HEIGHT, px);
    }

    /** The "of W" image: a blank gap where the steps between 'f' and 'W' are. */
    private static GrayImage gapImage(int gapSteps) {
        return image(4 + gapSteps, 2 * PX, (2 + gapSteps) * PX);
    }

    @Test
    void withoutRestorationTextIsTheDecodedSymbols() throws IOException {
        assertThat(new LineText(dictionary(), false).text(ofW(2, .3f), gapImage(2))).isEqualTo("ofW");
    }

    @Test
    void spaceEvidenceOverABlankGapRestoresTheSpace() throws IOException {
        assertThat(new LineText(dictionary(), true).text(ofW(2, .3f), gapImage(2))).isEqualTo("of W");
    }

    @Test
    void spaceEvidenceWithoutABlankGapIsIgnored() throws IOException {
        // like the gap after an 'f' whose hook reaches over the next letter
        assertThat(new LineText(dictionary(), true).text(ofW(2, .3f), image(6, 0, 0))).isEqualTo("ofW");
    }

    @Test
    void aBlankGapWithoutSpaceEvidenceStaysJoined() throws IOException {
        assertThat(new LineText(dictionary(), true).text(ofW(2, .01f), gapImage(2))).isEqualTo("ofW");
    }

    @Test
    void aVeryWideGapIsAWordGapRegardless() throws IOException {
        int gap = LineText.DEFAULT_GAP_STEPS;
        assertThat(new LineText(dictionary(), true).text(ofW(gap, 0f), image(4 + gap, 0, 0))).isEqualTo("of W");
    }

    @Test
    void emittedSpacesAreNotDoubled() throws IOException {
        CtcResult r = new CtcResult(new int[] {1, 4, 3}, new int[] {0, 2, 4}, new int[] {0, 2, 4},
                new float[] {.9f, .9f, .9f}, new float[] {0, .9f, .9f, .9f, 0}, 5, PX);
        assertThat(new LineText(dictionary(), true).text(r, image(5, 4, 16))).isEqualTo("o W");
    }

    /** A line of the given characters, one per step, all separated by blank gaps with space evidence. */
    private static String restore(String chars) throws IOException {
        String symbols = "abcABC019:.,_(-)";
        CharDictionary d = CharDictionary.read(new ByteArrayInputStream(
                String.join("\n", symbols.split("")).getBytes(StandardCharsets.UTF_8)));
        int n = chars.length();
        int[] cls = new int[n];
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            cls[i] = symbols.indexOf(chars.charAt(i)) + 1;
            steps[i] = 3 * i;
        }
        float[] space = new float[3 * n];
        Arrays.fill(space, .5f);
        // ink at every character's step, blank between
        int w = 3 * n * PX;
        byte[] px = new byte[w * HEIGHT];
        Arrays.fill(px, (byte) 255);
        for (int i = 0; i < n; i++) {
            for (int y = 6; y < 11; y++) {
                for (int x = 3 * i * PX; x < (3 * i + 1) * PX; x++) {
                    px[y * w + x] = 0;
                }
            }
        }
        CtcResult r = new CtcResult(cls, steps, steps, new float[n], space, 3 * n, PX);
        return new LineText(d, true).text(r, new GrayImage(w, HEIGHT, px));
    }

    @Test
    void typographyDecidesWhereSpacesCanGo() throws IOException {
        assertThat(restore("abc")).isEqualTo("a b c");
        assertThat(restore("a,b")).isEqualTo("a, b");
        assertThat(restore("a.B")).isEqualTo("a. B");
        assertThat(restore("0.9")).isEqualTo("0.9");
        assertThat(restore("1,0")).isEqualTo("1,0");
        assertThat(restore("a::b")).isEqualTo("a::b");
        assertThat(restore("a:B")).isEqualTo("a: B");
        assertThat(restore("A_B")).isEqualTo("A_B");
        assertThat(restore("(a)")).isEqualTo("(a)");
        assertThat(restore("a-b")).isEqualTo("a-b");
    }

    @Test
    void fullWidthAsciiBecomesAscii() {
        assertThat(LineText.halfWidth("\uFF08")).isEqualTo("(");
        assertThat(LineText.halfWidth("\uFF1B")).isEqualTo(";");
        assertThat(LineText.halfWidth("\u3000")).isEqualTo(" ");
        assertThat(LineText.halfWidth("\u4E2D")).isEqualTo("\u4E2D");
        assertThat(LineText.halfWidth("a")).isEqualTo("a");
    }

    @Test
    void inkColumnsFindTheWidestBlankRun() {
        InkColumns ink = InkColumns.of(image(10, 8, 20));
        assertThat(ink.widestBlankRun(0, 40)).isEqualTo(12);
        assertThat(ink.widestBlankRun(10, 14)).isEqualTo(4);
        assertThat(ink.widestBlankRun(-5, 4)).isZero();
    }
}
