package dev.quire.render;

import org.apache.pdfbox.pdmodel.font.FontMappers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PDFBox scans the system fonts on first use (seconds) and caches the result in a file. Point
 * that cache at a writable directory, once per JVM, and let callers warm it in the background.
 */
public final class FontCache {
    static final String PROPERTY = "pdfbox.fontcache";

    private FontCache() {
    }

    /** Sets PDFBox's font cache directory unless the user already did. */
    public static synchronized void configure() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path dir = Path.of(System.getProperty("user.home", "."), ".cache", "quire");
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                dir = Path.of(System.getProperty("java.io.tmpdir"));
            }
        } catch (Exception e) {
            dir = Path.of(System.getProperty("java.io.tmpdir"));
        }
        System.setProperty(PROPERTY, dir.toString());
    }

    /** Builds (or loads) the font cache now, e.g. on a background thread at start-up. */
    public static void warm() {
        configure();
        FontMappers.instance().getFontBoxFont("Helvetica", null);
    }
}
