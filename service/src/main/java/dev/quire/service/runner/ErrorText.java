package dev.quire.service.runner;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last lines a job wrote on stderr, and the one line of them a client may see. The job's own
 * errors are one line starting with {@code quire: } (its exception handler prints nothing else
 * unless debugging is on); anything else there is Spark's log, which may hold stack traces and
 * paths, so it is never shown whole.
 */
final class ErrorText {
    static final int MAX_LENGTH = 300;
    private static final int KEEP_LINES = 200;
    private static final String PREFIX = "quire: ";

    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == KEEP_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** The last {@code quire: …} line without its prefix, or null. */
    String quireError() {
        return quireError(lines());
    }

    static String quireError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith(PREFIX)) {
                return oneLine(line.substring(PREFIX.length()));
            }
        }
        return null;
    }

    /** First line only, control characters out, at most {@link #MAX_LENGTH} characters. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String first = text.strip().lines().findFirst().orElse("");
        String clean = first.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1) + "…";
    }
}
