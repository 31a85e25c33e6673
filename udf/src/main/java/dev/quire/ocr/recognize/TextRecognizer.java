package dev.quire.ocr.recognize;

import dev.quire.QuireException;
import dev.quire.image.GrayImage;
import dev.quire.ocr.OnnxModel;
import dev.quire.ocr.classify.AspectOrder;

import java.util.List;

/** CTC line recognition in aspect-sorted batches. */
public final class TextRecognizer implements BatchRecognizer {
    private final OnnxModel model;
    private final RecognitionSettings settings;
    private final int batchSize;
    private final CharDictionary dictionary;
    private final CtcDecoder decoder;

    /** {@code gpu}: whether the model runs on a GPU (decides an automatic batch size). */
    public TextRecognizer(OnnxModel model, RecognitionSettings settings, CharDictionary dictionary, boolean gpu) {
        this.model = model;
        this.settings = settings;
        this.batchSize = settings.batchSizeFor(gpu);
        this.dictionary = dictionary;
        this.decoder = new CtcDecoder(dictionary.classCount(), dictionary.spaceIndex());
    }

    public CharDictionary dictionary() {
        return dictionary;
    }

    /** Decoded results in the order of {@code lines}. */
    public CtcResult[] recognize(List<GrayImage> lines) {
        CtcResult[] results = new CtcResult[lines.size()];
        int[] order = AspectOrder.ascending(lines);
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<GrayImage> slice = AspectOrder.slice(lines, order, start, end);
            LineBatch batch = LineBatch.forRecognition(slice, settings.minWidth());
            CtcResult[] decoded = run(batch, slice);
            for (int i = start; i < end; i++) {
                results[order[i]] = decoded[i - start];
            }
        }
        return results;
    }

    /**
     * One model call over {@code lines} padded to {@code width} columns (at least as wide as the
     * widest line at height 48): results in the order of {@code lines}.
     */
    @Override
    public CtcResult[] recognizeAt(List<GrayImage> lines, int width) {
        return run(LineBatch.of(lines, width), lines);
    }

    /** The input width (height 48) a line needs: ceil(48 × aspect), never below the minimum width. */
    @Override
    public int naturalWidth(GrayImage line) {
        double aspect = (double) line.width() / line.height();
        return Math.max(settings.minWidth(), (int) Math.ceil(RecognitionSettings.HEIGHT * aspect));
    }

    private CtcResult[] run(LineBatch batch, List<GrayImage> lines) {
        long[] shape = {batch.count(), 3, RecognitionSettings.HEIGHT, batch.width()};
        return model.run(batch.nchw(), shape, (out, outShape) -> {
            int steps = (int) outShape[1];
            int classes = (int) outShape[2];
            if (classes != dictionary.classCount()) {
                throw new QuireException("recognition model has " + classes + " output classes but the dictionary "
                        + "defines " + dictionary.classCount() + " (blank + symbols + space)");
            }
            CtcResult[] decoded = new CtcResult[batch.count()];
            for (int i = 0; i < batch.count(); i++) {
                int resized = batch.widths()[i];
                int valid = (int) Math.ceil((double) resized * steps / batch.width());
                double cropPixelsPerStep = (double) batch.width() / steps * lines.get(i).width() / resized;
                decoded[i] = decoder.decode(out, i * steps * classes, steps, valid, cropPixelsPerStep);
            }
            return decoded;
        });
    }
}
