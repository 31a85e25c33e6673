package dev.quire.cli;

import dev.quire.job.OutputSchema;
import dev.quire.job.OutputTables;
import dev.quire.output.DocumentFiles;
import dev.quire.output.JsonLines;
import dev.quire.output.SparkValues;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.apache.spark.sql.functions.col;

/** {@code quire export}: one text or JSON Lines file per current document of an output root. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write one file per current document of the output of 'quire run': DIR/NAME.txt (page texts "
                + "separated by form feeds, like 'quire ocr') or DIR/NAME.jsonl (one JSON object per page, with the "
                + "columns of the pages table).",
                "NAME is the source file name without .pdf; when two documents share a name, the later ones get _ and "
                        + "the first 8 characters of their doc_id. Documents without pages (unreadable, not a PDF, "
                        + "empty) get no file."},
        footerHeading = "%nExamples:%n",
        footer = {"  quire export -o out/ --format txt --to text/",
                "  quire export -o s3a://ocr/ --format jsonl --to pages/",
                "%nExit status: 0 ok; 1 failed (no output, no committed run, DIR not writable);",
                "2 bad command line."})
final class ExportCommand implements Callable<Integer> {
    enum Format { txt, jsonl }

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PATH",
            description = "Output root written by 'quire run' (any Hadoop path).")
    private String output;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "txt (pages separated by form feeds) or jsonl (one JSON object per page).")
    private Format format;

    @Option(names = "--to", required = true, paramLabel = "DIR",
            description = "Local directory for the files (created when missing; files of the same name are replaced).")
    private Path to;

    @Mixin
    private SparkOptions sparkOptions;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        SparkSession spark = sparkOptions.session("quire export", false);
        try {
            OutputTables tables = OutputTables.open(spark, output);
            Dataset<Row> pages = tables.pages();
            if (format == Format.txt) {
                pages = pages.select(OutputSchema.DOC_ID, OutputSchema.PATH, OutputSchema.RUN_ID, OutputSchema.PAGE,
                        OutputSchema.TEXT);
            }
            // grouped by document, pages in order; by path first so that names are stable from one export to the
            // next, and for a path that changed content the newest version gets the plain name
            pages = pages.orderBy(col(OutputSchema.PATH), col(OutputSchema.RUN_ID).desc(), col(OutputSchema.DOC_ID),
                    col(OutputSchema.PAGE));
            DocumentFiles files = format == Format.txt ? DocumentFiles.text(to) : DocumentFiles.jsonLines(to);
            try (files) {
                write(pages, files);
                files.finish();
            }
            long current = tables.documents().count();
            if (!quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(summary(files, current));
                err.flush();
            }
            return ExitCodes.OK;
        } finally {
            spark.stop();
        }
    }

    private void write(Dataset<Row> pages, DocumentFiles files) {
        List<String> names = List.of(pages.columns());
        int docId = names.indexOf(OutputSchema.DOC_ID);
        int path = names.indexOf(OutputSchema.PATH);
        int text = names.indexOf(OutputSchema.TEXT);
        // one partition at a time on the driver: a corpus of any size streams through
        Iterator<Row> rows = pages.toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            String content = format == Format.txt ? r.getString(text) : JsonLines.line(names, SparkValues.values(r));
            files.page(r.getString(docId), r.getString(path), content);
        }
    }

    private String summary(DocumentFiles files, long current) {
        String s = String.format(Locale.ROOT, "exported %d document%s (%d pages) to %s as .%s files",
                files.documents(), files.documents() == 1 ? "" : "s", files.pages(), to, format);
        long without = current - files.documents();
        return without <= 0 ? s : s + String.format(Locale.ROOT, "; %d current document%s without pages got none",
                without, without == 1 ? "" : "s");
    }
}
