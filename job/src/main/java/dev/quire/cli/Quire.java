package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.QuireException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

/** The {@code quire} command: one subcommand per job. */
@Command(name = "quire", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns PDF files into text: embedded text where usable, PP-OCR everywhere else.",
        footerHeading = "%nExit status:%n",
        footer = {"  0  all documents processed", "  1  the command failed (input, output, models, device)",
                "  2  bad command line", "  3  finished, but some documents failed",
                "%nRun 'quire help COMMAND' for a command's options and examples.",
                "The REST service is 'quire serve' (scripts/quire serve --help): it runs on the service's own",
                "class path, so it is listed here only when that is the one in use."})
public final class Quire implements Runnable {
    /** Present exactly when Spark is on the class path (it is not on the REST service's). */
    private static final String SPARK_PROBE = "org.apache.spark.sql.SparkSession";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. 'quire ocr FILE.pdf'");
    }

    /**
     * Builds the command line with Quire's error handling: one line per error, exit codes from {@link ExitCodes}.
     * The Spark commands are left out when Spark is not on the class path (picocli reflects on every
     * command's methods, and theirs name Spark types), and every {@link QuireSubcommand} on the class
     * path is added: {@code quire serve} runs on the service's class path, which has no Spark.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Quire());
        if (sparkAvailable()) {
            cli.addSubcommand(new RunCommand());
            cli.addSubcommand(new QueryCommand());
            cli.addSubcommand(new ExportCommand());
        }
        cli.addSubcommand(new OcrCommand());
        cli.addSubcommand(new BenchCommand());
        for (QuireSubcommand extra : ServiceLoader.load(QuireSubcommand.class, Quire.class.getClassLoader())) {
            cli.addSubcommand(extra.command());
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof QuireException) {
                cmd.getErr().println("quire: " + e.getMessage());
                cmd.getErr().flush();
                return e instanceof InvalidSettingsException ? ExitCodes.USAGE : ExitCodes.FATAL;
            }
            // a bug: one line by default, the stack trace on request
            cmd.getErr().println("quire: internal error: " + e + " (set QUIRE_JAVA_OPTS=-Dquire.debug=true for details)");
            if (Boolean.getBoolean("quire.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return ExitCodes.FATAL;
        });
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FATAL);
        return cli;
    }

    private static boolean sparkAvailable() {
        try {
            Class.forName(SPARK_PROBE, false, Quire.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        // document text is UTF-8 whatever the platform's default encoding
        cli.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
        cli.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        int status = cli.execute(args);
        cli.getOut().flush();
        System.exit(status);
    }
}
