package dev.quire.ocr.classify;

import dev.quire.image.GrayImage;
import dev.quire.ocr.OnnxModel;
import dev.quire.ocr.recognize.LineBatch;

import java.util.List;

/**
 * The PP-OCR 180° text direction classifier: 3×48×192 inputs (aspect kept, padded or squeezed),
 * two classes (0°, 180°); a line is flipped when 180° wins with probability above the threshold.
 */
public final class DirectionClassifier {
    public static final int WIDTH = 192;
    public static final double DEFAULT_THRESHOLD = 0.9;
    public static final int DEFAULT_BATCH_SIZE = 6;
    /** Width/height of the classifier input; longer lines are squeezed and judged unreliably. */
    public static final double NATIVE_ASPECT = WIDTH / 48.0;

    private final OnnxModel model;
    private final double threshold;
    private final int batchSize;

    public DirectionClassifier(OnnxModel model, double threshold, int batchSize) {
        this.model = model;
        this.threshold = threshold;
        this.batchSize = batchSize;
    }

    /** For each line (in the given order), whether it is upside down: 180° wins above the threshold. */
    public boolean[] upsideDown(List<GrayImage> lines) {
        float[] p = rotatedProbability(lines);
        boolean[] flip = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            flip[i] = p[i] > 0.5f && p[i] > threshold;
        }
        return flip;
    }

    /** For each line (in the given order), the probability that it is upside down. */
    public float[] rotatedProbability(List<GrayImage> lines) {
        float[] rotatedProb = new float[lines.size()];
        int[] order = AspectOrder.ascending(lines);
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<GrayImage> batch = AspectOrder.slice(lines, order, start, end);
            LineBatch input = LineBatch.of(batch, WIDTH);
            float[] probs = model.run(input.nchw(), new long[] {input.count(), 3, 48, WIDTH}, (out, shape) -> {
                float[] v = new float[out.remaining()];
                out.get(v);
                return v;
            });
            for (int i = start; i < end; i++) {
                rotatedProb[order[i]] = probs[2 * (i - start) + 1];
            }
        }
        return rotatedProb;
    }
}
