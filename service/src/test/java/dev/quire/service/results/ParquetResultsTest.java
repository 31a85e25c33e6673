package dev.quire.service.results;

import dev.quire.service.results.Results.DocumentRow;
import dev.quire.service.results.Results.DocumentView;
import dev.quire.service.results.Results.Line;
import dev.quire.service.results.Results.PageRow;
import dev.quire.service.results.Results.Slice;
import dev.quire.testing.TestPdfs;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ParquetResults} over outputs the real job wrote: current view, pages, text, listings, refresh. */
class ParquetResultsTest {
    @TempDir
    static Path dir;
    private static JobOutput out;
    private static ParquetResults results;

    @BeforeAll
    static void runTheJob() {
        out = JobOutput.build(dir);
        results = new ParquetResults(out.root().toString(), new Configuration());
    }

    @AfterAll
    static void close() {
        results.close();
    }

    @Test
    void theJobWritesPagesForLookups() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out.root().resolve("pages"))) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))) {
                for (BlockMetaData block : reader.getFooter().getBlocks()) {
                    ColumnChunkMetaData docIds = block.getColumns().get(0);
                    assertThat(docIds.getPath().toDotString()).isEqualTo("doc_id");
                    assertThat(docIds.hasDictionaryPage()).as("doc_id without a dictionary").isFalse();
                    assertThat(reader.readColumnIndex(docIds)).as("a page index on doc_id").isNotNull();
                }
            }
        }
    }

    @Test
    void documentHasItsRowAndItsPagesInPageOrderAcrossFiles() throws IOException {
        assertThat(Files.list(out.root().resolve("pages/run=" + out.firstRun()))
                .filter(p -> p.getFileName().toString().endsWith(".parquet")).count())
                .as("long.pdf's page ranges went to several files").isGreaterThan(1);

        DocumentView view = results.document(out.longId()).orElseThrow();
        assertThat(view.document().path()).endsWith("/long.pdf");
        assertThat(view.document().pageCount()).isEqualTo(JobOutput.LONG_PAGES);
        assertThat(view.pages()).extracting(PageRow::page)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, JobOutput.LONG_PAGES).boxed().toList());
        assertThat(view.pages()).allSatisfy(p -> {
            assertThat(p.text()).isEqualTo(JobOutput.longPageText(p.page()));
            assertThat(p.method()).isEqualTo("text_layer");
            assertThat(p.runId()).isEqualTo(out.firstRun());
            assertThat(p.widthPx()).isPositive();
            assertThat(p.dpi()).isPositive();
        });
    }

    @Test
    void documentsRowCarriesTheContractsColumns() throws IOException {
        DocumentRow row = results.document(out.reportId()).orElseThrow().document();
        assertThat(row.docId()).isEqualTo(out.reportId());
        assertThat(row.sizeBytes()).isEqualTo(Files.size(out.report()));
        // INT96 timestamps decoded to the instant the job saw
        assertThat(Instant.parse(row.modifiedAt()).toEpochMilli())
                .isEqualTo(Files.getLastModifiedTime(out.report()).toMillis());
        assertThat(Instant.parse(row.processedAt())).isAfter(Instant.parse(row.modifiedAt()));
        assertThat(row.pageCount()).isEqualTo(2);
        assertThat(row.pagesTextLayer()).isEqualTo(2);
        assertThat(row.pagesOcr()).isZero();
        assertThat(row.meanConfidence()).isNull();
        assertThat(row.pipeline()).isNotBlank();
        assertThat(row.error()).isNull();
    }

    @Test
    void ocrPageHasLinesWithConfidencesAndBoxes() {
        DocumentView view = results.document(out.scanId()).orElseThrow();
        assertThat(view.document().pagesOcr()).isEqualTo(1);
        assertThat(view.document().meanConfidence()).isBetween(0.5f, 1f);
        PageRow page = view.pages().get(0);
        assertThat(page.method()).isEqualTo("ocr");
        assertThat(page.lines()).hasSizeGreaterThanOrEqualTo(2);
        for (Line line : page.lines()) {
            assertThat(line.text()).isNotBlank();
            assertThat(line.confidence()).isBetween(0.5f, 1f);
            assertThat(line.box()).hasSize(8);
            for (int i = 0; i < 8; i += 2) {
                assertThat(line.box()[i]).isBetween(0f, (float) page.widthPx());
                assertThat(line.box()[i + 1]).isBetween(0f, (float) page.heightPx());
            }
        }
        assertThat(page.lines()).extracting(Line::text).anySatisfy(t -> assertThat(t).contains("brown"));
        // reading order: top to bottom
        assertThat(page.lines()).extracting(l -> l.box()[1]).isSorted();
        assertThat(page.text()).isEqualTo(page.lines().stream().map(Line::text).collect(Collectors.joining("\n")));
        assertThat(page.ocrMs()).isPositive();
    }

    @Test
    void textIsEveryPageFollowedByANewlineSeparatedByFormFeeds() {
        List<PageRow> pages = results.document(out.reportId()).orElseThrow().pages();
        assertThat(results.text(out.reportId()))
                .contains(pages.get(0).text() + "\n\f" + pages.get(1).text() + "\n");
        assertThat(pages.get(0).text()).contains(TestPdfs.PROSE.get(0));

        String longText = results.text(out.longId()).orElseThrow();
        assertThat(longText.split("\f", -1)).containsExactlyElementsOf(IntStream.rangeClosed(1, JobOutput.LONG_PAGES)
                .mapToObj(i -> JobOutput.longPageText(i) + "\n").toList());
    }

    @Test
    void unknownIdsAreEmptyAndDocumentsWithoutPagesHaveNone() {
        String unknown = "0".repeat(64);
        assertThat(results.document(unknown)).isEmpty();
        assertThat(results.text(unknown)).isEmpty();

        DocumentView junk = results.document(out.junkId()).orElseThrow();
        assertThat(junk.document().status()).isEqualTo("not_pdf");
        assertThat(junk.document().error()).isNotBlank();
        assertThat(junk.pages()).isEmpty();
        assertThat(results.text(out.junkId())).contains("");
    }

    @Test
    void aChangedFileShowsItsNewContentOnly() {
        assertThat(results.document(out.changedBefore())).isEmpty();
        assertThat(results.text(out.changedBefore())).isEmpty();

        DocumentView now = results.document(out.changedAfter()).orElseThrow();
        assertThat(now.document().runId()).isEqualTo(out.secondRun());
        assertThat(now.document().resultRunId()).isEqualTo(out.secondRun());
        assertThat(now.pages()).extracting(PageRow::text).containsExactlyElementsOf(JobOutput.SECOND_VERSION);
        assertThat(results.text(out.changedAfter())).contains(String.join("\n\f", JobOutput.SECOND_VERSION) + "\n");
    }

    @Test
    void skippedDocumentsShowTheOkResultTheyReuseWithTheEarlierRunsPages() {
        DocumentView report = results.document(out.reportId()).orElseThrow();
        assertThat(report.document().runId()).isEqualTo(out.secondRun());
        assertThat(report.document().status()).isEqualTo("ok");
        assertThat(report.document().resultRunId()).isEqualTo(out.firstRun());
        assertThat(report.pages()).hasSize(2).allSatisfy(p -> assertThat(p.runId()).isEqualTo(out.firstRun()));

        DocumentView scan = results.document(out.scanId()).orElseThrow();
        assertThat(scan.document().resultRunId()).isEqualTo(out.firstRun());
        assertThat(scan.pages()).hasSize(1);
    }

    @Test
    void documentsOfRunListsEveryRowOfThatRunByPathWithPagingAndAStatusFilter() {
        Slice<DocumentRow> all = results.documentsOfRun(out.secondRun(), null, 0, 100);
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).extracting(r -> fileName(r.path()))
                .containsExactly("changing.pdf", "junk.pdf", "long.pdf", "report.pdf", "scan.pdf");
        assertThat(all.items()).extracting(DocumentRow::runId).containsOnly(out.secondRun());
        // the run's own rows: skipped stays skipped here
        assertThat(all.items()).extracting(DocumentRow::status)
                .containsExactly("ok", "not_pdf", "skipped", "skipped", "skipped");

        Slice<DocumentRow> page = results.documentsOfRun(out.secondRun(), null, 1, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.limit()).isEqualTo(2);
        assertThat(page.items()).containsExactlyElementsOf(all.items().subList(1, 3));
        assertThat(results.documentsOfRun(out.secondRun(), null, 4, 10).items()).hasSize(1);
        assertThat(results.documentsOfRun(out.secondRun(), null, 10, 10).items()).isEmpty();

        Slice<DocumentRow> skipped = results.documentsOfRun(out.secondRun(), "skipped", 1, 10);
        assertThat(skipped.total()).isEqualTo(3);
        assertThat(skipped.items()).extracting(r -> fileName(r.path())).containsExactly("report.pdf", "scan.pdf");
        assertThat(skipped.items()).allSatisfy(r -> assertThat(r.resultRunId()).isEqualTo(out.firstRun()));

        Slice<DocumentRow> first = results.documentsOfRun(out.firstRun(), "ok", 0, 10);
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.items()).extracting(DocumentRow::docId).contains(out.changedBefore());

        assertThat(results.documentsOfRun("20990101T000000000Z-000000", null, 0, 10).total()).isZero();
        assertThatThrownBy(() -> results.documentsOfRun(out.firstRun(), null, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunWithoutManifestIsInvisibleUntilItCommitsAndRefreshSeesIt() throws IOException {
        Path copy = copy(out.root(), dir.resolve("copy-" + System.nanoTime()));
        Path manifest = copy.resolve("runs/" + out.secondRun() + ".json");
        Path aside = dir.resolve("second-manifest-" + System.nanoTime() + ".json");
        Files.move(manifest, aside);
        try (ParquetResults before = new ParquetResults(copy.toString(), new Configuration())) {
            DocumentView old = before.document(out.changedBefore()).orElseThrow();
            assertThat(old.document().runId()).isEqualTo(out.firstRun());
            assertThat(old.pages()).extracting(PageRow::text).containsExactly(JobOutput.FIRST_VERSION);
            assertThat(before.document(out.changedAfter())).isEmpty();
            assertThat(before.document(out.reportId()).orElseThrow().document().runId()).isEqualTo(out.firstRun());
            assertThat(before.documentsOfRun(out.secondRun(), null, 0, 10).total()).isZero();

            before.refresh();   // nothing new yet
            assertThat(before.document(out.changedAfter())).isEmpty();

            Files.move(aside, manifest);   // the run commits
            before.refresh();
            assertThat(before.document(out.changedBefore())).isEmpty();
            assertThat(before.document(out.changedAfter()).orElseThrow().pages()).hasSize(2);
            assertThat(before.document(out.reportId()).orElseThrow().document().runId()).isEqualTo(out.secondRun());
            assertThat(before.documentsOfRun(out.secondRun(), null, 0, 10).total()).isEqualTo(5);
        }
    }

    @Test
    void anOutputWithoutRunsHasNoDocuments() throws IOException {
        try (ParquetResults none = new ParquetResults(Files.createDirectories(dir.resolve("empty")).toString(),
                new Configuration())) {
            assertThat(none.document(out.reportId())).isEmpty();
            assertThat(none.documentsOfRun(out.firstRun(), null, 0, 10).total()).isZero();
            none.refresh();
        }
        try (ParquetResults missing = new ParquetResults(dir.resolve("missing").toString(), new Configuration())) {
            assertThat(missing.document(out.reportId())).isEmpty();
        }
    }

    @Test
    void concurrentLookupsSeeWhatSerialOnesSee() throws Exception {
        List<String> ids = List.of(out.reportId(), out.longId(), out.scanId(), out.changedAfter(), out.junkId(),
                out.changedBefore());
        Map<String, String> expected = ids.stream().collect(Collectors.toMap(Function.identity(), this::describe));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        String id = ids.get((i + offset) % ids.size());
                        if (!describe(id).equals(expected.get(id))) {
                            wrong.add(id);
                        }
                        if (i % 20 == 0) {
                            results.refresh();
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Everything a lookup returns, as text (lines' boxes are arrays, which records compare by identity). */
    private String describe(String id) {
        return results.document(id).map(v -> v.document() + " " + v.pages().stream()
                .map(p -> List.of(p.page(), p.method(), p.text(), p.widthPx(), p.heightPx(), p.dpi(), p.confidence(),
                        p.renderMs(), p.ocrMs(), String.valueOf(p.error()), p.runId()) + " " + p.lines().stream()
                        .map(l -> l.text() + l.confidence() + Arrays.toString(l.box())).toList())
                .toList()).orElse("none") + " " + results.text(id).orElse("none");
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
