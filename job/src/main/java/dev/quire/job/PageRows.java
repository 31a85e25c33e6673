package dev.quire.job;

import dev.quire.ocr.TextLine;
import dev.quire.pipeline.PageResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import scala.jdk.javaapi.CollectionConverters;

import java.util.Arrays;

/** Page results as rows of {@link OutputSchema#PAGES}. */
final class PageRows {
    private PageRows() {
    }

    static Row row(PageTask task, PageResult p, String runId) {
        // array columns of external rows are Scala sequences (or Java arrays)
        Row[] lines = new Row[p.lines().size()];
        for (int i = 0; i < lines.length; i++) {
            TextLine l = p.lines().get(i);
            lines[i] = RowFactory.create(l.text(), l.confidence(), l.box().points());
        }
        return RowFactory.create(task.docId(), task.path(), p.page(), p.method().label(), p.text(),
                CollectionConverters.asScala(Arrays.asList(lines)).toSeq(),
                p.widthPx(), p.heightPx(), p.dpi(), p.confidence(), p.renderMs(), p.ocrMs(), p.error(), runId);
    }
}
