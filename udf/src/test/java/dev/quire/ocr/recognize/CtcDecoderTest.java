package dev.quire.ocr.recognize;

import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CtcDecoderTest {
    /** Classes: 0 blank, 1 'a', 2 'b', 3 space. */
    static final int CLASSES = 4;

    /** One time step per argument: the winning class and its probability (rest spread evenly). */
    static FloatBuffer steps(float[]... winners) {
        float[] v = new float[winners.length * CLASSES];
        for (int t = 0; t < winners.length; t++) {
            int cls = (int) winners[t][0];
            float p = winners[t][1];
            for (int c = 0; c < CLASSES; c++) {
                v[t * CLASSES + c] = c == cls ? p : (1 - p) / (CLASSES - 1);
            }
        }
        return FloatBuffer.wrap(v);
    }

    private static float[] s(int cls, float p) {
        return new float[] {cls, p};
    }

    @Test
    void collapsesRepeatsAndDropsBlanks() {
        CtcDecoder d = new CtcDecoder(CLASSES, 3);
        CtcResult r = d.decode(steps(s(1, .9f), s(1, .8f), s(0, .9f), s(2, .7f), s(0, .9f)), 0, 5, 5, 8);
        assertThat(r.classes()).containsExactly(1, 2);
        assertThat(r.firstStep()).containsExactly(0, 3);
        assertThat(r.lastStep()).containsExactly(1, 3);
        // the reference scores a character by its first step
        assertThat(r.probs()).containsExactly(.9f, .7f);
        assertThat(r.score()).isCloseTo(.8f, within(1e-6f));
    }

    @Test
    void aBlankBetweenRepeatsKeepsBothCharacters() {
        CtcDecoder d = new CtcDecoder(CLASSES, 3);
        CtcResult r = d.decode(steps(s(1, .9f), s(0, .9f), s(1, .9f)), 0, 3, 3, 8);
        assertThat(r.classes()).containsExactly(1, 1);
    }

    @Test
    void recordsSpaceProbabilityAtEveryStep() {
        CtcDecoder d = new CtcDecoder(CLASSES, 3);
        CtcResult r = d.decode(steps(s(1, .9f), s(0, .7f), s(2, .9f)), 0, 3, 3, 8);
        assertThat(r.spaceProb()[1]).isCloseTo(.1f, within(1e-6f));
    }

    @Test
    void decodesFromAnOffsetInABatchOutput() {
        CtcDecoder d = new CtcDecoder(CLASSES, 3);
        FloatBuffer two = steps(s(1, .9f), s(1, .9f), s(2, .9f), s(3, .9f));
        CtcResult second = d.decode(two, 2 * CLASSES, 2, 2, 8);
        assertThat(second.classes()).containsExactly(2, 3);
    }

    @Test
    void anEmptyLineScoresZero() {
        CtcDecoder d = new CtcDecoder(CLASSES, 3);
        CtcResult r = d.decode(steps(s(0, .9f), s(0, .9f)), 0, 2, 2, 8);
        assertThat(r.length()).isZero();
        assertThat(r.score()).isZero();
    }
}
