package dev.quire.service.config;

import java.util.Locale;

/** How jobs run: a child JVM per job on this machine, or spark-submit to a cluster. */
public enum RunnerKind {
    EMBEDDED, CLUSTER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
