package dev.quire.ocr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link OcrEngine} per JVM and settings, created lazily on first use and shared by every
 * thread (model sessions are large and thread-safe). Engines are closed at JVM shutdown.
 */
public final class Engines {
    private static final Map<EngineSettings, OcrEngine> ENGINES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Engines::closeAll, "quire-engine-close"));
    }

    private Engines() {
    }

    public static OcrEngine shared(EngineSettings settings) {
        return ENGINES.computeIfAbsent(settings, OcrEngine::open);
    }

    /** The engines open in this JVM now (for per-stage reports). */
    public static java.util.List<OcrEngine> open() {
        return java.util.List.copyOf(ENGINES.values());
    }

    /** Closes and forgets every shared engine (tests, service shutdown). */
    public static synchronized void closeAll() {
        ENGINES.values().forEach(OcrEngine::close);
        ENGINES.clear();
    }
}
