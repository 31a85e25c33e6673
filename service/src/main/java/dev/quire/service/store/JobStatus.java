package dev.quire.service.store;

import java.util.Locale;

/** Where a job is in its life: queued → running → succeeded | failed | cancelled. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label; null when it is none. */
    public static JobStatus parse(String label) {
        for (JobStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
