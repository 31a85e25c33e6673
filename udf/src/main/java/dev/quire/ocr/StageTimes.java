package dev.quire.ocr;

/** Milliseconds spent in each OCR stage for one page, and how many lines went through. */
public record StageTimes(double detectMs, double cropMs, double classifyMs, double recognizeMs, int lines) {
    public static final StageTimes NONE = new StageTimes(0, 0, 0, 0, 0);

    public double totalMs() {
        return detectMs + cropMs + classifyMs + recognizeMs;
    }

    public StageTimes plus(StageTimes o) {
        return new StageTimes(detectMs + o.detectMs, cropMs + o.cropMs, classifyMs + o.classifyMs,
                recognizeMs + o.recognizeMs, lines + o.lines);
    }
}
