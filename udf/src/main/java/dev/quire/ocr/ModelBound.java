package dev.quire.ocr;

import dev.quire.QuireException;
import dev.quire.image.GrayImage;
import dev.quire.ocr.detect.DbPostProcessor.Box;
import dev.quire.ocr.detect.DetectorInput;
import dev.quire.ocr.detect.TextDetector;
import dev.quire.ocr.recognize.LineBatch;
import dev.quire.ocr.recognize.RecognitionSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The speed of the models alone on a device, at the shapes the pipeline feeds them: detection at
 * batch 1 on the given pages' input sizes, recognition in full batches of lines (the lines those
 * pages actually yield) padded to width buckets. No rendering, no pre/post-processing inside the
 * timing (inputs are prepared first), no waiting for batches: what the pipeline could reach if it
 * kept the device busy, so end-to-end pages/s over this bound says how well it does.
 */
public final class ModelBound implements AutoCloseable {
    /** Items through a model from {@code threads} threads in {@code seconds} of wall time. */
    public record Rate(long items, long calls, double seconds, int threads) {
        public double perSecond() {
            return seconds <= 0 ? 0 : items / seconds;
        }
    }

    /**
     * What the corpus sample looks like to the models.
     *
     * @param pages      pages sampled
     * @param lines      text lines detected on them
     * @param detShapes  distinct detector input sizes, "WxH"
     * @param recWidths  distinct recogniser batch widths after bucketing
     */
    public record Sample(int pages, int lines, List<String> detShapes, List<Integer> recWidths) {
        public double linesPerPage() {
            return pages == 0 ? 0 : (double) lines / pages;
        }
    }

    /**
     * Prepared inputs are float tensors (a 960×736 page is 8 MB, a line 48×800 about 0.5 MB), so
     * each model keeps at most this many floats, sampled evenly over the pages and widths.
     */
    static final long MAX_PREPARED_FLOATS = 24L << 20;

    private final EngineSettings settings;
    private final Device device;
    private final OnnxModel det;
    private final OnnxModel rec;
    private final TextDetector detector;
    private final List<DetectorInput> detInputs = new ArrayList<>();
    private final List<LineBatch> recBatches = new ArrayList<>();
    private Sample sample;

    private ModelBound(EngineSettings settings, Device device, OnnxModel det, OnnxModel rec) {
        this.settings = settings;
        this.device = device;
        this.det = det;
        this.rec = rec;
        this.detector = new TextDetector(det, settings.detection());
    }

    /** Opens the detection and recognition sessions as the engine would. */
    public static ModelBound open(EngineSettings settings) {
        ModelFiles files = settings.modelDir() == null
                ? ModelFiles.bundled() : ModelFiles.fromDirectory(Path.of(settings.modelDir()));
        SessionFactory sessions = new SessionFactory(settings.device(), settings.cpuThreads());
        OnnxModel det = sessions.create("detection", files.detector());
        try {
            OnnxModel rec = sessions.create("recognition", files.recognizer());
            return new ModelBound(settings, sessions.resolved(), det, rec);
        } catch (RuntimeException e) {
            det.close();
            throw e;
        }
    }

    public Device device() {
        return device;
    }

    /** The recogniser batch size the pipeline uses on this device. */
    public int pipelineBatch() {
        return settings.recognition().batchSizeFor(device.kind() == Device.Kind.CUDA);
    }

    /**
     * Detects and crops the lines of {@code pages} once (this also warms detection up) and prepares
     * the model inputs: one detector input per page, the lines in full batches of {@code batch}
     * sorted by width, each padded to its widest line's width bucket.
     */
    public Sample prepare(List<GrayImage> pages, int batch, int bucket) {
        if (pages.isEmpty()) {
            throw new QuireException("no pages to measure: the corpus sample is empty");
        }
        List<GrayImage> lines = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (GrayImage page : pages) {
            DetectorInput input = DetectorInput.of(page, settings.detection().limitSideLen());
            if ((long) (detInputs.size() + 1) * input.chw().length <= MAX_PREPARED_FLOATS || detInputs.isEmpty()) {
                detInputs.add(input);
            }
            String shape = input.width() + "x" + input.height();
            if (!shapes.contains(shape)) {
                shapes.add(shape);
            }
            for (Box b : detector.detect(page)) {
                lines.add(LineCropper.crop(page, b.quad()));
            }
        }
        int minWidth = settings.recognition().minWidth();
        lines.sort(Comparator.comparingInt(l -> naturalWidth(l, minWidth)));
        List<Integer> widths = new ArrayList<>();
        List<List<GrayImage>> slices = new ArrayList<>();
        long floats = 0;
        for (int start = 0; start < lines.size(); start += batch) {
            List<GrayImage> slice = lines.subList(start, Math.min(lines.size(), start + batch));
            int width = bucketed(naturalWidth(slice.get(slice.size() - 1), minWidth), bucket);
            slices.add(slice);
            floats += 3L * RecognitionSettings.HEIGHT * width * slice.size();
            if (!widths.contains(width)) {
                widths.add(width);
            }
        }
        int stride = (int) Math.max(1, (floats + MAX_PREPARED_FLOATS - 1) / MAX_PREPARED_FLOATS);
        for (int i = 0; i < slices.size(); i += stride) {
            List<GrayImage> slice = slices.get(i);
            recBatches.add(LineBatch.of(slice, bucketed(naturalWidth(slice.get(slice.size() - 1), minWidth), bucket)));
        }
        sample = new Sample(pages.size(), lines.size(), List.copyOf(shapes), List.copyOf(widths));
        return sample;
    }

    private static int bucketed(int width, int bucket) {
        return (width + bucket - 1) / bucket * bucket;
    }

    private static int naturalWidth(GrayImage line, int minWidth) {
        double aspect = (double) line.width() / line.height();
        return Math.max(minWidth, (int) Math.ceil(RecognitionSettings.HEIGHT * aspect));
    }

    /** Detection alone, one page per call as the pipeline runs it. */
    public Rate detect(int threads, double seconds) {
        return measure(detInputs.size(), threads, seconds, i -> {
            DetectorInput in = detInputs.get(i);
            det.run(in.chw(), new long[] {1, 3, in.height(), in.width()}, (out, shape) -> null);
            return 1;
        });
    }

    /** Recognition alone, in the prepared batches (a last partial batch included). */
    public Rate recognize(int threads, double seconds) {
        if (recBatches.isEmpty()) {
            return new Rate(0, 0, 0, threads);
        }
        return measure(recBatches.size(), threads, seconds, i -> {
            LineBatch b = recBatches.get(i);
            rec.run(b.nchw(), new long[] {b.count(), 3, RecognitionSettings.HEIGHT, b.width()}, (out, shape) -> null);
            return b.count();
        });
    }

    /**
     * Pages/s the models allow when detection and recognition share the device: each page costs
     * one detection plus its lines' share of recognition time.
     */
    public static double pagesPerSecond(Rate det, Rate rec, double linesPerPage) {
        double perPage = (det.perSecond() > 0 ? 1 / det.perSecond() : 0)
                + (rec.perSecond() > 0 ? linesPerPage / rec.perSecond() : 0);
        return perPage <= 0 ? 0 : 1 / perPage;
    }

    @FunctionalInterface
    private interface Call {
        /** Runs input {@code i}, returns the items it held. */
        long run(int i);
    }

    /**
     * One untimed pass over the inputs (first-shape set-up, cuDNN algorithm choice), then
     * {@code threads} threads cycle through them, each from a different start, for at least
     * {@code seconds} and at least one full pass.
     */
    private static Rate measure(int inputs, int threads, double seconds, Call call) {
        for (int i = 0; i < inputs; i++) {
            call.run(i);
        }
        AtomicLong items = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * inputs / threads;
                running.add(pool.submit(() -> {
                    for (int k = 0; k < inputs || System.nanoTime() < deadline; k++) {
                        items.addAndGet(call.run((first + k) % inputs));
                        calls.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuireException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new QuireException(e.getCause().toString(), e);
        } finally {
            pool.shutdownNow();
        }
        return new Rate(items.get(), calls.get(), (System.nanoTime() - start) / 1e9, threads);
    }

    @Override
    public void close() {
        det.close();
        rec.close();
    }
}
