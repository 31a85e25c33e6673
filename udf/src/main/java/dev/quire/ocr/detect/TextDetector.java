package dev.quire.ocr.detect;

import dev.quire.image.GrayImage;
import dev.quire.ocr.OnnxModel;

import java.util.List;

/** DB text detection: page → text boxes in page pixels. */
public final class TextDetector {
    private final OnnxModel model;
    private final DetectionSettings settings;
    private final DbPostProcessor post;

    public TextDetector(OnnxModel model, DetectionSettings settings) {
        this.model = model;
        this.settings = settings;
        this.post = new DbPostProcessor(settings);
    }

    public List<DbPostProcessor.Box> detect(GrayImage page) {
        DetectorInput input = DetectorInput.of(page, settings.limitSideLen());
        ProbabilityMap map = model.run(input.chw(), new long[] {1, 3, input.height(), input.width()},
                (out, shape) -> {
                    int h = (int) shape[2];
                    int w = (int) shape[3];
                    float[] values = new float[w * h];
                    out.get(values);
                    return new ProbabilityMap(w, h, values);
                });
        return post.boxes(map, page.width(), page.height());
    }
}
