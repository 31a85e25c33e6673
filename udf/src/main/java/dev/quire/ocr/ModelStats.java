package dev.quire.ocr;

import java.io.Serializable;

/**
 * What one model session did: calls, items (the batch dimension summed over calls: images for
 * detection, lines for the classifier and recogniser) and seconds inside {@code session.run}
 * (input tensors, pre- and post-processing excluded), summed over the threads that called it.
 *
 * @param maxItems the largest batch seen
 */
public record ModelStats(long calls, long items, double seconds, long maxItems) implements Serializable {
    public static final ModelStats NONE = new ModelStats(0, 0, 0, 0);

    /** Items per call. */
    public double meanBatch() {
        return calls == 0 ? 0 : (double) items / calls;
    }

    /** Items per second of session time. */
    public double itemsPerSecond() {
        return seconds <= 0 ? 0 : items / seconds;
    }

    public ModelStats plus(ModelStats o) {
        return new ModelStats(calls + o.calls, items + o.items, seconds + o.seconds, Math.max(maxItems, o.maxItems));
    }

    /** What happened since {@code earlier} (the largest batch stays the running maximum). */
    public ModelStats minus(ModelStats earlier) {
        return new ModelStats(calls - earlier.calls, items - earlier.items, seconds - earlier.seconds, maxItems);
    }
}
