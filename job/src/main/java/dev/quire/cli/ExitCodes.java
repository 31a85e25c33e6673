package dev.quire.cli;

/** Exit statuses of every quire command, documented in the README and in {@code --help}. */
public final class ExitCodes {
    /** Everything was processed. */
    public static final int OK = 0;
    /** The command itself failed (cannot read input, cannot write output, models or device unusable). */
    public static final int FATAL = 1;
    /** Bad command line (picocli's convention). */
    public static final int USAGE = 2;
    /** The command finished, but some documents failed (their errors were printed). */
    public static final int SOME_FAILED = 3;

    private ExitCodes() {
    }
}
