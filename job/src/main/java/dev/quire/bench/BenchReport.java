package dev.quire.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -cp … dev.quire.bench.BenchReport RUN.json BOUND.json PROCESS_SECONDS LABEL}: the
 * report of scripts/bench.sh, in Java so that the script needs neither jq nor bc (the GPU machine
 * has a bare shell). RUN.json is the {@code finished} event of {@code quire run --events} or the
 * {@code --stats-json} of {@code quire ocr}; BOUND.json is {@code quire bench --json}. Prints the
 * table and, last, one {@code RESULT {…}} JSON line for programs.
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: BenchReport RUN.json BOUND.json PROCESS_SECONDS LABEL");
            System.exit(2);
        }
        JsonNode run = JSON.readTree(Files.readString(Path.of(args[0])));
        JsonNode bound = JSON.readTree(Files.readString(Path.of(args[1])));
        System.out.print(report(run, bound, Double.parseDouble(args[2]), args[3]));
    }

    static String report(JsonNode run, JsonNode bound, double processSeconds, String label) {
        JsonNode stages = run.has("stages") ? run.get("stages") : run;
        double seconds = run.has("seconds") ? run.get("seconds").asDouble() : stages.path("wall_seconds").asDouble();
        long pages = stages.path("ocr_pages").asLong();
        double e2e = pages / Math.max(seconds, 1e-9);
        double processRate = pages / Math.max(processSeconds, 1e-9);
        double boundRate = bound.path("bound_pages_per_second").asDouble();
        double ratio = boundRate > 0 ? e2e / boundRate : 0;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: device %s, %d OCR pages%n", label,
                bound.path("device").asText(), pages));
        out.append(String.format(Locale.ROOT, "end to end:   %8.2f pages/s  (%d pages in %.1f s of job time; "
                + "%.2f pages/s over %.1f s with JVM start and model load)%n", e2e, pages, seconds, processRate,
                processSeconds));
        out.append("per stage (rate per second of the stage's own time, summed over threads; busy = stage time / wall):\n");
        out.append(stage(stages, "render", "pages"));
        out.append(stage(stages, "detect", "images"));
        out.append(stage(stages, "classify", "lines"));
        out.append(stage(stages, "recognize", "lines"));
        JsonNode rec = stages.path("recognize");
        out.append(String.format(Locale.ROOT, "  rec batches  %d, mean %.2f lines of at most %d (fill %.0f %%), "
                        + "queue wait %.1f s, %.1f lines/page%n", rec.path("batches").asLong(),
                rec.path("mean_batch").asDouble(), rec.path("batch_limit").asInt(), 100 * rec.path("fill").asDouble(),
                rec.path("queue_wait_seconds").asDouble(), stages.path("lines_per_page").asDouble()));
        out.append(String.format(Locale.ROOT, "model bound:  %8.2f pages/s  (det alone %.2f images/s, rec alone "
                        + "%.2f lines/s at batch %d, %.1f lines/page, %d threads)%n", boundRate,
                bound.path("det_images_per_second").asDouble(), bound.path("rec_lines_per_second").asDouble(),
                bound.path("rec_batch").asInt(), bound.path("lines_per_page").asDouble(), bound.path("threads").asInt()));
        out.append(String.format(Locale.ROOT, "end to end / bound: %.0f %%  (target >= 80 %% on a GPU)%n", 100 * ratio));
        ObjectNode result = JSON.createObjectNode().put("label", label).put("device", bound.path("device").asText())
                .put("pages", pages).put("job_seconds", seconds).put("pages_per_second", round(e2e))
                .put("process_pages_per_second", round(processRate)).put("bound_pages_per_second", boundRate)
                .put("ratio", round(ratio)).put("rec_mean_batch", rec.path("mean_batch").asDouble())
                .put("rec_fill", rec.path("fill").asDouble());
        out.append("RESULT ").append(result).append('\n');
        return out.toString();
    }

    private static String stage(JsonNode stages, String name, String unit) {
        JsonNode s = stages.path(name);
        return String.format(Locale.ROOT, "  %-10s %7d %-6s %8.1f s  %9.2f %s/s  busy %.2f%n", name,
                s.path(unit).asLong(), unit, s.path("seconds").asDouble(), s.path(unit + "_per_second").asDouble(),
                unit, s.path("busy").asDouble());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
