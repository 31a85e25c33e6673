package dev.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.quire.QuireException;
import dev.quire.ocr.Engines;
import dev.quire.ocr.StageFigures;
import dev.quire.ocr.StageStats;
import dev.quire.pipeline.PipelineSettings;
import dev.quire.pipeline.ProcessingMode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-stage figures as a JSON document ({@code --stats-json}), for scripts such as bench.sh. */
final class StatsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatsJson() {
    }

    /** The figures plus the device inference ran on and the recogniser batching settings. */
    static Map<String, Object> figures(PipelineSettings settings, StageStats stages, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", settings.mode() == ProcessingMode.TEXT ? "none"
                : Engines.shared(settings.engine()).device().toString());
        var rec = settings.engine().recognition();
        m.put("rec_batch_wait_ms", rec.batchWaitMillis());
        m.put("rec_width_bucket", rec.widthBucket());
        m.putAll(StageFigures.map(stages, wall));
        return m;
    }

    static void write(String target, Map<String, Object> figures, PrintWriter stdout) {
        try {
            String text = JSON.writeValueAsString(figures);
            if (target.equals("-")) {
                stdout.println(text);
                stdout.flush();
            } else {
                Files.writeString(Path.of(target), text + "\n");
            }
        } catch (IOException e) {
            throw new QuireException("cannot write the stage figures to '" + target + "': " + e.getMessage(), e);
        }
    }
}
