package dev.quire.ocr;

import java.io.Serializable;

/**
 * Per-stage work of one or more engines (and the rendering in front of them), additive so that
 * executors' figures can be summed on the driver. Seconds are summed over the threads that did
 * the work: on CPU several threads render and detect at once, on a GPU calls queue on the device.
 *
 * @param renderPages   pages rendered for OCR
 * @param renderSeconds time rendering them (PDFBox, thread-seconds)
 * @param ocrPages      pages the engine read
 * @param detect        detection model: one item per page image
 * @param classify      180° classifier: items are lines
 * @param recognize     recogniser: items are lines, calls are batches
 * @param recBatchLimit the recogniser's batch size (the most lines a batch may hold)
 * @param recWaitSeconds thread-seconds pages spent waiting for shared recogniser batches (to fill, or for
 *                      other pages' batches to run), beyond their share of model time
 */
public record StageStats(long renderPages, double renderSeconds, long ocrPages, ModelStats detect,
                         ModelStats classify, ModelStats recognize, int recBatchLimit, double recWaitSeconds)
        implements Serializable {
    public static final StageStats NONE = new StageStats(0, 0, 0, ModelStats.NONE, ModelStats.NONE, ModelStats.NONE,
            0, 0);

    public StageStats withRender(long pages, double seconds) {
        return new StageStats(pages, seconds, ocrPages, detect, classify, recognize, recBatchLimit, recWaitSeconds);
    }

    /** Mean lines per recogniser batch over the batch size (1 = every batch full). */
    public double recFill() {
        return recBatchLimit == 0 ? 0 : recognize.meanBatch() / recBatchLimit;
    }

    /** Recognised lines per OCR page. */
    public double linesPerPage() {
        return ocrPages == 0 ? 0 : (double) recognize.items() / ocrPages;
    }

    public StageStats plus(StageStats o) {
        return new StageStats(renderPages + o.renderPages, renderSeconds + o.renderSeconds, ocrPages + o.ocrPages,
                detect.plus(o.detect), classify.plus(o.classify), recognize.plus(o.recognize),
                Math.max(recBatchLimit, o.recBatchLimit), recWaitSeconds + o.recWaitSeconds);
    }

    /** What happened since {@code earlier}, for reporting a shared engine's counters once per task. */
    public StageStats minus(StageStats earlier) {
        return new StageStats(renderPages - earlier.renderPages, renderSeconds - earlier.renderSeconds,
                ocrPages - earlier.ocrPages, detect.minus(earlier.detect), classify.minus(earlier.classify),
                recognize.minus(earlier.recognize), recBatchLimit, recWaitSeconds - earlier.recWaitSeconds);
    }
}
