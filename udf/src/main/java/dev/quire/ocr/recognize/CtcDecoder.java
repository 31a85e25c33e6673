package dev.quire.ocr.recognize;

import java.nio.FloatBuffer;
import java.util.Arrays;

/** Greedy CTC decoding: arg-max per time step, collapse repeats, drop blanks. */
public final class CtcDecoder {
    private final int classes;
    private final int spaceIndex;

    public CtcDecoder(int classes, int spaceIndex) {
        this.classes = classes;
        this.spaceIndex = spaceIndex;
    }

    /**
     * Decodes {@code steps} time steps of softmax output starting at {@code offset} in
     * {@code probs} (layout [time][class]); {@code validSteps} says how many steps cover real
     * pixels rather than padding (all steps are decoded, as the reference does), and
     * {@code cropPixelsPerStep} how wide a step is in the line image.
     */
    public CtcResult decode(FloatBuffer probs, int offset, int steps, int validSteps, double cropPixelsPerStep) {
        int[] cls = new int[steps];
        int[] first = new int[steps];
        int[] last = new int[steps];
        float[] prob = new float[steps];
        float[] space = new float[steps];
        int n = 0;
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int best = 0;
            float bestProb = probs.get(base);
            for (int c = 1; c < classes; c++) {
                float v = probs.get(base + c);
                if (v > bestProb) {
                    bestProb = v;
                    best = c;
                }
            }
            space[t] = probs.get(base + spaceIndex);
            if (best != CharDictionary.BLANK && best != previous) {
                cls[n] = best;
                first[n] = t;
                last[n] = t;
                prob[n] = bestProb;
                n++;
            } else if (best != CharDictionary.BLANK && n > 0) {
                last[n - 1] = t;
            }
            previous = best;
        }
        return new CtcResult(Arrays.copyOf(cls, n), Arrays.copyOf(first, n), Arrays.copyOf(last, n),
                Arrays.copyOf(prob, n), space, Math.min(steps, Math.max(validSteps, 0)), cropPixelsPerStep);
    }
}
