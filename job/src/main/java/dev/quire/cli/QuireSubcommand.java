package dev.quire.cli;

/**
 * A {@code quire} subcommand that lives in a module the job cannot depend on (the REST service's
 * {@code quire serve}). Implementations are found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.quire.cli.QuireSubcommand}) on the class path, so the command
 * appears exactly when its module's jar is there.
 */
public interface QuireSubcommand {
    /** A picocli command object (annotated with {@code @Command}); called once per command line. */
    Object command();
}
