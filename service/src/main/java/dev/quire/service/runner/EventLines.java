package dev.quire.service.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the JSON lines of {@code quire run --events} (see the job's {@code EventStream}): planned,
 * progress and document go straight to the listener; finished and failed are kept, because only
 * the process's end decides how the run ended (a finished line followed by a crash is still a
 * committed run, a failed line is the job's own one-line reason). Other lines are ignored: a
 * library may print to stdout too.
 */
final class EventLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunListener listener;
    private volatile RunResult finished;
    private volatile String failed;

    EventLines(RunListener listener) {
        this.listener = listener;
    }

    void accept(String line) {
        String text = line.strip();
        if (!text.startsWith("{\"event\"")) {
            return;
        }
        JsonNode e;
        try {
            e = JSON.readTree(text);
        } catch (JsonProcessingException ex) {
            return;
        }
        switch (e.path("event").asText()) {
            case "planned" -> listener.planned(e.path("run_id").asText(null), e.path("documents").asInt(),
                    e.path("pages").asLong());
            case "progress" -> listener.progress(e.path("pages_done").asLong(), e.path("pages_total").asLong());
            case "document" -> listener.document(e.path("doc_id").asText(null), e.path("path").asText(null),
                    e.path("status").asText(null), e.path("pages").asInt());
            case "finished" -> finished = new RunResult(e.path("run_id").asText(null), counts(e.path("documents")),
                    counts(e.path("pages")));
            case "failed" -> failed = e.path("error").asText(null);
            default -> {
                // a newer job's event this service does not know: nothing to do with it
            }
        }
    }

    /** The finished event, if one came. */
    RunResult finished() {
        return finished;
    }

    /** The error of the failed event, if one came. */
    String failed() {
        return failed;
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> counts.put(f.getKey(), f.getValue().asLong()));
        return counts;
    }
}
