package dev.quire.service.runner;

import java.util.List;

/**
 * How a {@code quire run} child ended, read from its exit status (the job's {@code ExitCodes}) and
 * what it printed. A job succeeded exactly when it printed its finished event and exited 0 (all
 * documents ok) or 3 (some documents failed: that is data, the run is committed); everything else
 * is a failure with one short line that says why.
 *
 * @param exitCode    the process's exit status
 * @param finished    its finished event, if it printed one
 * @param failedEvent the error of its failed event, if it printed one
 * @param stderrTail  the last lines of its stderr
 * @param cancelled   whether the service stopped it
 */
record ChildExit(int exitCode, RunResult finished, String failedEvent, List<String> stderrTail, boolean cancelled) {
    static final int OK = 0;
    static final int FATAL = 1;
    static final int USAGE = 2;
    static final int SOME_FAILED = 3;
    /** Shells and Java report death by signal N as 128 + N. */
    private static final int SIGNAL_BASE = 128;

    ChildExit {
        stderrTail = List.copyOf(stderrTail);
    }

    /** The committed run, or null when the job failed. */
    RunResult result() {
        return !cancelled && (exitCode == OK || exitCode == SOME_FAILED) ? finished : null;
    }

    /** Why the job failed, one line; null when it succeeded. */
    String error() {
        if (result() != null) {
            return null;
        }
        if (cancelled) {
            return "cancelled";
        }
        String own = failedEvent != null ? ErrorText.oneLine(failedEvent) : ErrorText.quireError(stderrTail);
        return switch (exitCode) {
            case OK, SOME_FAILED -> "the job ended without committing a run";
            case FATAL -> own != null ? own : "the job failed (exit status 1) without saying why";
            case USAGE -> "the job refused its options: " + (own != null ? own : usageMessage());
            default -> own != null ? own : abnormal();
        };
    }

    /** picocli prints its message, then the usage text. */
    private String usageMessage() {
        for (int i = 1; i < stderrTail.size(); i++) {
            if (stderrTail.get(i).startsWith("Usage: ")) {
                return ErrorText.oneLine(stderrTail.get(i - 1));
            }
        }
        return "see the job's log";
    }

    private String abnormal() {
        if (exitCode > SIGNAL_BASE && exitCode < SIGNAL_BASE + 32) {
            int signal = exitCode - SIGNAL_BASE;
            return "the job process was killed by signal " + signal
                    + (signal == 9 ? " (perhaps out of memory)" : signal == 6 ? " (the JVM crashed)" : "");
        }
        return "the job process exited with status " + exitCode;
    }
}
