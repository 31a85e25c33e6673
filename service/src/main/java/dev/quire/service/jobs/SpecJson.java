package dev.quire.service.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A {@link JobSpec} as stored with its job, so that a restart can run it again. */
final class SpecJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecJson() {
    }

    static String write(JobSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job spec is plain data", e);
        }
    }

    /** @throws IllegalArgumentException when the stored text is no spec (written by another version, or edited) */
    static JobSpec read(String json) {
        try {
            return JSON.readValue(json, JobSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a job spec: " + e.getOriginalMessage(), e);
        }
    }
}
