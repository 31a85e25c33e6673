package dev.quire.ocr.recognize;

import dev.quire.InvalidSettingsException;

import java.io.Serializable;

/**
 * Recogniser settings; defaults are PaddleOCR's inference defaults except where noted.
 *
 * @param minWidth   narrowest batch input in pixels at height 48 (reference: 320)
 * @param batchSize  lines per model call (lines are sorted by aspect ratio first), or
 *                   {@link #AUTO_BATCH} to choose by device: see {@link #batchSizeFor}
 * @param dropScore  lines whose mean character probability is below this are dropped
 * @param batchWaitMillis how long lines from concurrent pages may wait to share a batch
 *                   ({@link RecognitionBatcher}); 0 = each page on its own; {@link #AUTO_WAIT}: by device
 * @param widthBucket batch widths are rounded up to multiples of this when batches are shared,
 *                   so that input shapes repeat
 */
public record RecognitionSettings(int minWidth, int batchSize, double dropScore, int batchWaitMillis,
                                  int widthBucket) implements Serializable {
    /** Input height of the PP-OCR recogniser. */
    public static final int HEIGHT = 48;
    public static final int DEFAULT_MIN_WIDTH = 320;
    /** Batch size chosen by device. */
    public static final int AUTO_BATCH = 0;
    public static final int DEFAULT_BATCH_SIZE = AUTO_BATCH;
    /**
     * On CPU one line per call is fastest: measured on 2 cores, 12,700 columns/s per thread at
     * batch 1 against 8,600 at the reference's batch 6 (960 columns wide); batches outgrow the
     * caches, and single lines need no padding.
     */
    public static final int CPU_BATCH = 1;
    /** On a GPU the recogniser is only fast in batches (about 10× more lines/s at 16 than at 1). */
    public static final int GPU_BATCH = 16;
    public static final double DEFAULT_DROP_SCORE = 0.5;

    /** Sharing batches chosen by device. */
    public static final int AUTO_WAIT = -1;
    /** On a GPU, lines wait up to this long for a batch to fill. */
    public static final int GPU_WAIT_MILLIS = 10;
    public static final int DEFAULT_WIDTH_BUCKET = 64;
    public static final int MAX_WAIT_MILLIS = 10_000;
    public static final int MAX_WIDTH_BUCKET = 4096;

    public static final RecognitionSettings DEFAULTS = new RecognitionSettings(DEFAULT_MIN_WIDTH, DEFAULT_BATCH_SIZE,
            DEFAULT_DROP_SCORE, AUTO_WAIT, DEFAULT_WIDTH_BUCKET);

    public RecognitionSettings {
        if (minWidth < 8 || minWidth > 4096) {
            throw InvalidSettingsException.of("rec.minWidth", minWidth, "8..4096");
        }
        if (batchSize < 0 || batchSize > 1024) {
            throw InvalidSettingsException.of("rec.batchSize", batchSize, "0 (by device)..1024");
        }
        if (!(dropScore >= 0 && dropScore < 1)) {
            throw InvalidSettingsException.of("rec.dropScore", dropScore, "a number in [0, 1)");
        }
        if (batchWaitMillis < AUTO_WAIT || batchWaitMillis > MAX_WAIT_MILLIS) {
            throw InvalidSettingsException.of("rec.batchWaitMillis", batchWaitMillis,
                    "-1 (by device), 0 (off) or 1.." + MAX_WAIT_MILLIS);
        }
        if (widthBucket < 1 || widthBucket > MAX_WIDTH_BUCKET) {
            throw InvalidSettingsException.of("rec.widthBucket", widthBucket, "pixels 1.." + MAX_WIDTH_BUCKET);
        }
    }

    /** Milliseconds lines may wait to share a batch across pages; 0 when batches are not shared. */
    public int batchWaitFor(boolean gpu) {
        return batchWaitMillis != AUTO_WAIT ? batchWaitMillis : (gpu ? GPU_WAIT_MILLIS : 0);
    }

    /**
     * Parses a batch wait as given on a command line: {@code auto} (by device) or milliseconds
     * (0 = each page recognised on its own, no sharing).
     */
    public static int parseBatchWait(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase("auto")) {
            return AUTO_WAIT;
        }
        try {
            int ms = Integer.parseInt(t);
            if (ms >= 0 && ms <= MAX_WAIT_MILLIS) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below with the value quoted
        }
        throw InvalidSettingsException.of("rec batch wait", text, "auto or milliseconds 0.." + MAX_WAIT_MILLIS);
    }

    public RecognitionSettings withWidthBucket(int value) {
        return new RecognitionSettings(minWidth, batchSize, dropScore, batchWaitMillis, value);
    }

    public RecognitionSettings withBatchWaitMillis(int value) {
        return new RecognitionSettings(minWidth, batchSize, dropScore, value, widthBucket);
    }

    /** The batch size to use on a GPU ({@code gpu} true) or on CPU. */
    public int batchSizeFor(boolean gpu) {
        return batchSize != AUTO_BATCH ? batchSize : (gpu ? GPU_BATCH : CPU_BATCH);
    }

    public RecognitionSettings withBatchSize(int value) {
        return new RecognitionSettings(minWidth, value, dropScore, batchWaitMillis, widthBucket);
    }
}
