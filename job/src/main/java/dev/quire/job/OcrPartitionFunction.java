package dev.quire.job;

import dev.quire.ocr.StageStats;
import dev.quire.pipeline.PageMethod;
import dev.quire.pipeline.PageProcessor;
import dev.quire.pipeline.PageResult;
import dev.quire.pipeline.PipelineSettings;
import dev.quire.render.DocumentException;
import dev.quire.render.PdfDocument;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Executor side of the OCR stage: renders and reads the pages of each task with the executor's
 * shared engine ({@code Engines.shared}, created on first use in this JVM, on the GPU Spark
 * assigned to the task: {@link TaskDevice}) and emits one row per page, sorted by document and
 * page within the partition. A document that cannot be read yields
 * failed page rows; only engine failures (models, device) fail the task.
 */
final class OcrPartitionFunction implements FlatMapFunction<Iterator<PageTask>, Row> {
    private static final long serialVersionUID = 1L;

    private final HadoopConf conf;
    private final PipelineSettings settings;
    private final String runId;
    private final CollectionAccumulator<RangeDone> rangesDone;
    private final StageStatsAccumulator stages;

    OcrPartitionFunction(HadoopConf conf, PipelineSettings settings, String runId,
                         CollectionAccumulator<RangeDone> rangesDone, StageStatsAccumulator stages) {
        this.conf = conf;
        this.settings = settings;
        this.runId = runId;
        this.rangesDone = rangesDone;
        this.stages = stages;
    }

    @Override
    public Iterator<Row> call(Iterator<PageTask> tasks) {
        List<PageTask> ordered = new ArrayList<>();
        tasks.forEachRemaining(ordered::add);
        ordered.sort(Comparator.comparing(PageTask::docId).thenComparingInt(t -> t.range().start()));
        PageProcessor pages = new PageProcessor(settings.withEngine(TaskDevice.forCurrentTask(settings.engine())));
        RenderTally render = new RenderTally();
        Iterator<Row> rows = ordered.stream().flatMap(t -> process(pages, t, render).stream()).iterator();
        return new EndOfIterator<>(rows, () -> stages.add(EngineReports.sinceLastReport()
                .plus(StageStats.NONE.withRender(render.pages, render.seconds))));
    }

    /** Rendering time of this task's OCR pages (rendering happens outside the engine). */
    private static final class RenderTally {
        long pages;
        double seconds;

        void add(PageResult page) {
            if (page.method() == PageMethod.OCR) {
                pages++;
                seconds += page.renderMs() / 1e3;
            }
        }
    }

    private List<Row> process(PageProcessor pages, PageTask task, RenderTally render) {
        List<Row> rows = new ArrayList<>(task.range().size());
        int failed = 0;
        String missing = null;
        try (LocalFile local = LocalFile.of(task.path(), conf.get(), false);
             PdfDocument doc = PdfDocument.open(local.path(), task.path())) {
            for (int i = task.range().start(); i < task.range().end() && i < doc.pageCount(); i++) {
                PageResult page = pages.process(doc, i);
                render.add(page);
                failed += page.method() == PageMethod.FAILED ? 1 : 0;
                rows.add(PageRows.row(task, page, runId));
            }
            missing = task.path() + ": page not found (the document has fewer pages now)";
        } catch (DocumentException e) {
            missing = e.getMessage();
        } catch (IOException e) {
            missing = task.path() + ": cannot read: " + e.getMessage();
        }
        for (int i = task.range().start() + rows.size(); i < task.range().end(); i++) {
            rows.add(PageRows.row(task, PageResult.failed(i + 1, missing), runId));
            failed++;
        }
        rangesDone.add(new RangeDone(task.docId(), rows.size(), failed));
        return rows;
    }
}
