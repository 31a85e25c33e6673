package dev.quire.service.bench;

import dev.quire.job.OutputLayout;
import dev.quire.job.OutputSchema;
import dev.quire.job.RunManifest;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Writes an output root of synthetic OCR results for benchmarks, in the contract's schema and the
 * real job's layout: one committed run, {@code DOCUMENTS} documents of {@code PAGES} OCR'd pages
 * each (about 1.5 KB of text in 25 lines with boxes per page), the pages in several files made by
 * local Spark, each sorted by doc_id and page (documents spread over the files in path order, as
 * the job's page-range tasks are), the documents rows in one file, the manifest written last.
 *
 * <pre>SyntheticOutput OUTPUT [DOCUMENTS [PAGES]]   (defaults 10000 and 10)</pre>
 */
public final class SyntheticOutput {
    static final int LINES_PER_PAGE = 25;
    /** Letter at 200 dpi, as the job renders it. */
    static final int WIDTH_PX = 1700;
    static final int HEIGHT_PX = 2200;
    /** What the job writes with local[2]: parallelism × 8 partitions, one file each. */
    static final int FILES = 16;
    private static final String PIPELINE = "synthetic-benchmark";

    private SyntheticOutput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SyntheticOutput OUTPUT [DOCUMENTS [PAGES]]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        if (Files.exists(root)) {
            System.err.println("SyntheticOutput: " + root + " exists; remove it first");
            System.exit(2);
        }
        Instant started = Instant.now();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC)
                .format(started) + "-000bec";
        OutputLayout layout = new OutputLayout(root.toUri().toString());
        SparkSession spark = SparkSession.builder().master("local[2]").appName("quire synthetic output")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Long> docs = LongStream.range(0, documents).boxed().toList();
            JavaRDD<Row> pageRows = jsc.parallelize(docs, FILES)
                    .mapPartitions(part -> pagesOf(part, pages, runId));
            spark.createDataFrame(pageRows, OutputSchema.PAGES).write().options(OutputSchema.PAGES_WRITE_OPTIONS)
                    .parquet(layout.pages(runId));

            Timestamp processedAt = Timestamp.from(Instant.now());
            List<Row> rows = new ArrayList<>(documents);
            for (long d = 0; d < documents; d++) {
                rows.add(RowFactory.create(docId(d), path(d), 40_000L + d * 37 % 900_000,
                        new Timestamp(started.toEpochMilli() - d * 60_000L), pages, "ok", null, pages, 0, 0.93f,
                        runId, processedAt, PIPELINE, runId));
            }
            spark.createDataFrame(rows, OutputSchema.DOCUMENTS).coalesce(1).write().parquet(layout.documents(runId));

            Instant finished = Instant.now();
            double seconds = (finished.toEpochMilli() - started.toEpochMilli()) / 1000.0;
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("synthetic", true);
            settings.put("mode", "ocr");
            new RunManifest(runId, "development", started.toString(), finished.toString(), seconds,
                    List.of("file:/corpus"), layout.root(), PIPELINE, PIPELINE, settings,
                    Map.of("ok", (long) documents), Map.of("ocr", (long) documents * pages),
                    documents * pages / seconds, spark.sparkContext().master(), spark.sparkContext().applicationId(),
                    null)
                    .commit(layout, spark.sparkContext().hadoopConfiguration());
        } finally {
            spark.stop();
        }
        System.out.printf("wrote %s: run %s, %,d documents, %,d pages, %s on disk (pages %s in %d files)%n", root,
                runId, documents, (long) documents * pages, size(root), size(root.resolve("pages")), FILES);
    }

    /** One partition's pages: its documents (consecutive in path order) sorted by doc_id, then page, as the job writes them. */
    private static java.util.Iterator<Row> pagesOf(java.util.Iterator<Long> docs, int pages, String runId) {
        List<Long> ids = new ArrayList<>();
        docs.forEachRemaining(ids::add);
        ids.sort(Comparator.comparing(SyntheticOutput::docId));
        return ids.stream().flatMap(d -> {
            Random random = new Random(d);
            return IntStream.rangeClosed(1, pages).mapToObj(p -> page(d, p, runId, random));
        }).iterator();
    }

    private static Row page(long doc, int page, String runId, Random random) {
        Row[] lines = new Row[LINES_PER_PAGE];
        StringBuilder text = new StringBuilder();
        float confidenceSum = 0;
        for (int i = 0; i < LINES_PER_PAGE; i++) {
            String line = Prose.line(random, 60);
            float confidence = 0.85f + random.nextFloat() * 0.14f;
            confidenceSum += confidence;
            float x = 150 + random.nextFloat() * 20;
            float y = 150 + i * 80 + random.nextFloat() * 4;
            float w = line.length() * 22f;
            float skew = random.nextFloat() * 2 - 1;
            float[] box = {x, y, x + w, y + skew, x + w, y + skew + 40, x, y + 40};
            lines[i] = RowFactory.create(line, confidence, box);
            text.append(i > 0 ? "\n" : "").append(line);
        }
        return RowFactory.create(docId(doc), path(doc), page, "ocr", text.toString(),
                CollectionConverters.asScala(Arrays.asList(lines)).toSeq(), WIDTH_PX, HEIGHT_PX, 200.0,
                confidenceSum / LINES_PER_PAGE, 120 + random.nextDouble() * 40, 1500 + random.nextDouble() * 900, null,
                runId);
    }

    static String docId(long doc) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("synthetic document " + doc).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(long doc) {
        return String.format("file:/corpus/box-%03d/scan-%06d.pdf", doc / 100, doc);
    }

    private static String size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .mapToLong(f -> f.toFile().length()).sum();
            return String.format("%.1f MB", bytes / 1e6);
        }
    }
}
