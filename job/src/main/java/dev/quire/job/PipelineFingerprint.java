package dev.quire.job;

import dev.quire.ocr.EngineSettings;
import dev.quire.ocr.ModelFiles;
import dev.quire.pipeline.PipelineSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies what produced a document's text: the model files and every setting that changes
 * output (not the device, threads or batch size, which only change speed). Incremental runs
 * reprocess a document when this changes.
 *
 * @param pipeline 16 hex characters over models and settings (the documents' {@code pipeline})
 * @param models   SHA-256 of the model files alone
 */
public record PipelineFingerprint(String pipeline, String models) {

    public static PipelineFingerprint of(PipelineSettings s) {
        EngineSettings e = s.engine();
        ModelFiles models = e.modelDir() == null ? ModelFiles.bundled() : ModelFiles.fromDirectory(Path.of(e.modelDir()));
        String description = String.join("|", "quire-1", models.fingerprint(), s.mode().name(),
                String.valueOf(s.render().dpi()), String.valueOf(s.render().maxPixels()),
                String.valueOf(s.render().scanResolution()), e.classifier().name(), String.valueOf(e.restoreSpaces()),
                e.detection().toString(), String.valueOf(e.recognition().minWidth()),
                String.valueOf(e.recognition().dropScore()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return new PipelineFingerprint(HexFormat.of().formatHex(digest, 0, 8), models.fingerprint());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
    }
}
