package dev.quire.ocr;

import dev.quire.QuireException;
import dev.quire.image.GrayImage;
import dev.quire.layout.ReadingOrder;
import dev.quire.ocr.classify.DirectionClassifier;
import dev.quire.ocr.classify.PageOrientation;
import dev.quire.ocr.detect.DbPostProcessor.Box;
import dev.quire.ocr.detect.TextDetector;
import dev.quire.ocr.geometry.Quad;
import dev.quire.ocr.recognize.CharDictionary;
import dev.quire.ocr.recognize.CtcResult;
import dev.quire.ocr.recognize.LineText;
import dev.quire.ocr.recognize.RecognitionBatcher;
import dev.quire.ocr.recognize.TextRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The PP-OCR pipeline on one page image: DB detection → crops → 180° classifier → CTC
 * recognition → reading order. Thread-safe: any number of threads may call {@link #recognize}.
 */
public final class OcrEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OcrEngine.class);
    static final long CLOSE_WAIT_SECONDS = 10;

    private final EngineSettings settings;
    private final Device device;
    private final String modelFingerprint;
    private final List<OnnxModel> models;
    private final TextDetector detector;
    private final DirectionClassifier classifier;
    private final TextRecognizer recognizer;
    /** Shares recogniser batches across concurrent pages (GPU); null when each page runs its own. */
    private final RecognitionBatcher batcher;
    private final LineText lineText;
    /** Read lock per recognition call, write lock to close: sessions are never closed mid-call. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final LongAdder pages = new LongAdder();
    /** Summed over pages: time a page's thread waited for shared batches beyond its share of model time. */
    private final LongAdder recWaitNanos = new LongAdder();
    private final int recBatchLimit;

    private OcrEngine(EngineSettings settings, Device device, String modelFingerprint, List<OnnxModel> models,
                      TextDetector detector, DirectionClassifier classifier, TextRecognizer recognizer,
                      RecognitionBatcher batcher, int recBatchLimit) {
        this.settings = settings;
        this.device = device;
        this.modelFingerprint = modelFingerprint;
        this.models = models;
        this.detector = detector;
        this.classifier = classifier;
        this.recognizer = recognizer;
        this.batcher = batcher;
        this.recBatchLimit = recBatchLimit;
        this.lineText = new LineText(recognizer.dictionary(), settings.restoreSpaces());
    }

    /** Loads the models and opens their sessions. Prefer {@link Engines#shared} in long-lived processes. */
    public static OcrEngine open(EngineSettings settings) {
        long start = System.nanoTime();
        ModelFiles files = settings.modelDir() == null
                ? ModelFiles.bundled() : ModelFiles.fromDirectory(Path.of(settings.modelDir()));
        SessionFactory sessions = new SessionFactory(settings.device(), settings.cpuThreads());
        List<OnnxModel> opened = new ArrayList<>();
        try {
            OnnxModel det = track(opened, sessions.create("detection", files.detector()));
            OnnxModel rec = track(opened, sessions.create("recognition", files.recognizer()));
            CharDictionary dictionary = files.charDictionary();
            checkClasses(rec, dictionary, files.source());
            DirectionClassifier cls = null;
            if (settings.classifier() != ClassifierMode.OFF) {
                OnnxModel clsModel = track(opened, sessions.create("classifier", files.classifier()));
                cls = new DirectionClassifier(clsModel, DirectionClassifier.DEFAULT_THRESHOLD,
                        DirectionClassifier.DEFAULT_BATCH_SIZE);
            }
            boolean gpu = sessions.resolved().kind() == Device.Kind.CUDA;
            TextRecognizer recognizer = new TextRecognizer(rec, settings.recognition(), dictionary, gpu);
            int wait = settings.recognition().batchWaitFor(gpu);
            // two dispatchers on a GPU: one batch's tensor filling and CTC decoding (CPU) overlap the next
            // batch's model call; on CPU a second one would only compete with the task threads for cores
            RecognitionBatcher batcher = wait > 0 ? new RecognitionBatcher(recognizer,
                    settings.recognition().batchSizeFor(gpu), wait, settings.recognition().widthBucket(),
                    gpu ? 2 : 1) : null;
            OcrEngine engine = new OcrEngine(settings, sessions.resolved(), files.fingerprint(), List.copyOf(opened),
                    new TextDetector(det, settings.detection()), cls, recognizer, batcher,
                    settings.recognition().batchSizeFor(gpu));
            LOG.info("OCR engine ready on {} in {} ms (models {}, fingerprint {})", engine.device(),
                    (System.nanoTime() - start) / 1_000_000, files.source(), engine.modelFingerprint().substring(0, 12));
            return engine;
        } catch (RuntimeException e) {
            opened.forEach(OnnxModel::close);
            throw e;
        }
    }

    /** Fails at start-up, not on the first page, when the dictionary does not fit the recogniser. */
    private static void checkClasses(OnnxModel rec, CharDictionary dictionary, String source) {
        long[] shape = rec.outputShape();
        long classes = shape.length == 3 ? shape[2] : -1;
        if (classes > 0 && classes != dictionary.classCount()) {
            throw new QuireException("recognition model in " + source + " has " + classes
                    + " output classes but its dictionary defines " + dictionary.classCount()
                    + " (blank + symbols + space)");
        }
    }

    private static OnnxModel track(List<OnnxModel> opened, OnnxModel model) {
        opened.add(model);
        return model;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The device inference actually runs on (CPU after an {@code auto} fallback). */
    public Device device() {
        return device;
    }

    /** What the shared recogniser batches did, when batches are shared across pages. */
    public Optional<RecognitionBatcher.Statistics> batching() {
        return batcher == null ? Optional.empty() : Optional.of(batcher.statistics());
    }

    /**
     * What each stage did in this engine so far (rendering is not the engine's: zero here). The
     * classifier's figures are empty when it is off.
     */
    public StageStats stats() {
        ModelStats none = ModelStats.NONE;
        ModelStats det = models.stream().filter(m -> m.name().equals("detection")).findFirst()
                .map(OnnxModel::stats).orElse(none);
        ModelStats cls = models.stream().filter(m -> m.name().equals("classifier")).findFirst()
                .map(OnnxModel::stats).orElse(none);
        ModelStats rec = models.stream().filter(m -> m.name().equals("recognition")).findFirst()
                .map(OnnxModel::stats).orElse(none);
        return new StageStats(0, 0, pages.sum(), det, cls, rec, recBatchLimit, recWaitNanos.sum() / 1e9);
    }

    /** SHA-256 of the model files and dictionary. */
    public String modelFingerprint() {
        return modelFingerprint;
    }

    public PageOcr recognize(GrayImage page) {
        if (!inUse.readLock().tryLock()) {
            throw new QuireException("the OCR engine is closed");
        }
        try {
            if (closed) {
                throw new QuireException("the OCR engine is closed");
            }
            return read(page);
        } finally {
            inUse.readLock().unlock();
        }
    }

    private PageOcr read(GrayImage page) {
        pages.increment();
        long t0 = System.nanoTime();
        List<Box> boxes = detector.detect(page);
        long t1 = System.nanoTime();
        List<GrayImage> crops = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            crops.add(LineCropper.crop(page, b.quad()));
        }
        long t2 = System.nanoTime();
        boolean pageTurned = orient(crops);
        long t3 = System.nanoTime();
        CtcResult[] decoded;
        double recognizeMs;
        double waitMs = 0;
        if (batcher != null) {
            RecognitionBatcher.Batched batched = batcher.recognizeTimed(crops);
            decoded = batched.results();
            recognizeMs = ms(batched.busyNanos());
            waitMs = ms(batched.waitNanos());
            recWaitNanos.add(batched.waitNanos());
        } else {
            decoded = recognizer.recognize(crops);
            recognizeMs = ms(System.nanoTime() - t3);
        }
        // lines are laid out as the text reads: on a page that is upside down, in the turned frame
        List<TextLine> kept = new ArrayList<>();
        for (int i = 0; i < decoded.length; i++) {
            float score = decoded[i].score();
            if (score >= settings.recognition().dropScore()) {
                Quad q = boxes.get(i).quad();
                kept.add(new TextLine(lineText.text(decoded[i], crops.get(i)).strip(), score,
                        pageTurned ? turn(q, page.width(), page.height()) : q));
            }
        }
        StageTimes times = new StageTimes(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), recognizeMs, crops.size(),
                waitMs);
        PageOcr ocr = layout(kept, times);
        if (!pageTurned) {
            return ocr;
        }
        List<TextLine> onPage = ocr.lines().stream()
                .map(l -> new TextLine(l.text(), l.confidence(), turnPoints(l.box(), page.width(), page.height())))
                .toList();
        return new PageOcr(onPage, ocr.text(), ocr.times());
    }

    /** The quad as seen on the page turned by 180°, corners starting at its new top-left. */
    static Quad turn(Quad q, int width, int height) {
        Quad p = turnPoints(q, width, height);
        return Quad.of(p.x(2), p.y(2), p.x(3), p.y(3), p.x(0), p.y(0), p.x(1), p.y(1));
    }

    /** Each corner moved to where it lies on the page turned by 180°, order kept. */
    static Quad turnPoints(Quad q, int width, int height) {
        float[] p = q.points();
        for (int i = 0; i < 4; i++) {
            p[2 * i] = width - p[2 * i];
            p[2 * i + 1] = height - p[2 * i + 1];
        }
        return Quad.of(p);
    }

    /**
     * Flips upside-down crops in place, as the classifier mode says; returns whether the whole
     * page was found upside down (then its lines must also be ordered in the turned frame).
     */
    private boolean orient(List<GrayImage> crops) {
        if (classifier == null || crops.isEmpty()) {
            return false;
        }
        if (settings.classifier() == ClassifierMode.ALWAYS) {
            boolean[] flip = classifier.upsideDown(crops);
            for (int i = 0; i < flip.length; i++) {
                if (flip[i]) {
                    crops.set(i, crops.get(i).rotate180());
                }
            }
            return false;
        }
        if (PageOrientation.upsideDown(classifier, crops)) {
            crops.replaceAll(GrayImage::rotate180);
            return true;
        }
        return false;
    }

    private static PageOcr layout(List<TextLine> lines, StageTimes times) {
        List<Quad> quads = lines.stream().map(TextLine::box).toList();
        List<TextLine> ordered = new ArrayList<>(lines.size());
        StringBuilder text = new StringBuilder();
        for (int[] row : ReadingOrder.rows(quads)) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            for (int k = 0; k < row.length; k++) {
                TextLine line = lines.get(row[k]);
                ordered.add(line);
                if (k > 0) {
                    text.append(' ');
                }
                text.append(line.text());
            }
        }
        return new PageOcr(List.copyOf(ordered), text.toString(), times);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * Closes the model sessions once no call is running (a session closed under a running
     * inference crashes the JVM in native code). If calls do not finish within
     * {@link #CLOSE_WAIT_SECONDS} (a JVM exiting under running tasks), the sessions are left to
     * the process exit.
     */
    @Override
    public void close() {
        try {
            if (!inUse.writeLock().tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("OCR engine still busy after {} s; not closing its sessions", CLOSE_WAIT_SECONDS);
                closed = true;
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if (!closed) {
                closed = true;
                // the last word of an executor's engine: its per-stage figures, in the executor log
                LOG.info("OCR engine on {} closing; {}", device, stats());
                if (batcher != null) {
                    batcher.close();
                }
                models.forEach(OnnxModel::close);
            }
        } finally {
            inUse.writeLock().unlock();
        }
    }
}
