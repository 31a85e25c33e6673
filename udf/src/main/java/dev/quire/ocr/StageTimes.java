package dev.quire.ocr;

/**
 * Milliseconds spent in each OCR stage for one page, and how many lines went through.
 * {@code recognizeMs} is model time only: with shared batches it is the page's share of its
 * batches' time, and the time its lines spent queued for a batch is {@code recognizeWaitMs}
 * (so that stage times add up to session busy time, not to threads waiting on each other).
 */
public record StageTimes(double detectMs, double cropMs, double classifyMs, double recognizeMs, int lines,
                         double recognizeWaitMs) {
    public static final StageTimes NONE = new StageTimes(0, 0, 0, 0, 0, 0);

    public double totalMs() {
        return detectMs + cropMs + classifyMs + recognizeMs + recognizeWaitMs;
    }

    public StageTimes plus(StageTimes o) {
        return new StageTimes(detectMs + o.detectMs, cropMs + o.cropMs, classifyMs + o.classifyMs,
                recognizeMs + o.recognizeMs, lines + o.lines, recognizeWaitMs + o.recognizeWaitMs);
    }
}
