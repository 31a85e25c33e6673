package dev.quire.cli;

import dev.quire.QuireException;
import dev.quire.job.OutputTables;
import dev.quire.output.CsvWriter;
import dev.quire.output.JsonLinesWriter;
import dev.quire.output.ResultWriter;
import dev.quire.output.SparkValues;
import dev.quire.output.TableWriter;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;

/** {@code quire query}: Spark SQL over an output root's current documents, pages and runs. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Spark SQL query over the output of 'quire run' and print the result.",
                "Views: documents (the current row per document: its latest committed result), pages (the pages "
                        + "of those rows), runs (one row per committed run manifest)."},
        footerHeading = "%nExamples:%n",
        footer = {"  quire query -o out/ \"SELECT status, count(*) FROM documents GROUP BY status\"",
                "  quire query -o out/ -f csv \\",
                "      \"SELECT path, page, text FROM pages WHERE text ILIKE '%%invoice%%'\"",
                "  quire query -o out/ -f json \"SELECT run_id, documents['failed'] FROM runs\"",
                "  quire query -o out/ \"DESCRIBE pages\"",
                "%nFormats: table (aligned, long values cut), csv (RFC 4180 with a header line),",
                "json (one object per line).",
                "%nExit status: 0 ok; 1 failed (missing output, no committed run, bad SQL);",
                "2 bad command line."})
final class QueryCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    /** How often a long result checks that its reader is still there (a closed pipe, e.g. '| head'). */
    private static final int CHECK_EVERY_ROWS = 1000;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH",
            description = "Output root written by 'quire run' (any Hadoop path).")
    private String output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Parameters(index = "0", paramLabel = "SQL", description = "One Spark SQL statement (quote it for the shell).")
    private String sql;

    @Mixin
    private SparkOptions sparkOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = sparkOptions.session("quire query", false);
        try {
            OutputTables.open(spark, output).registerViews();
            Dataset<Row> result = parse(spark);
            ResultWriter writer = switch (format) {
                case table -> new TableWriter(out);
                case csv -> new CsvWriter(out);
                case json -> new JsonLinesWriter(out);
            };
            print(result, writer, out);
            return ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }

    private Dataset<Row> parse(SparkSession spark) {
        try {
            return spark.sql(sql);
        } catch (Exception e) {   // AnalysisException is checked in Java's eyes, though spark.sql does not declare it
            throw failure(e);
        }
    }

    private static void print(Dataset<Row> result, ResultWriter writer, PrintWriter out) {
        writer.start(SparkValues.columns(result.schema()));
        try {
            // one partition at a time on the driver, so results larger than its memory stream through
            Iterator<Row> rows = result.toLocalIterator();
            long n = 0;
            while (rows.hasNext()) {
                writer.row(SparkValues.values(rows.next()));
                if (++n % CHECK_EVERY_ROWS == 0 && out.checkError()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            out.flush();
            throw failure(e);
        }
        writer.end();
    }

    /** A Spark error as one line: the innermost Spark error's first line (its error class and message). */
    private static RuntimeException failure(Exception e) {
        Throwable spark = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SparkThrowable) {
                spark = t;
            }
        }
        if (spark == null) {
            return e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        String prefix = e instanceof AnalysisException ? "bad query: " : "query failed: ";
        return new QuireException(prefix + firstLine(spark), e);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(m);
    }
}
