package dev.quire.service.results;

import dev.quire.job.Columns;
import dev.quire.service.results.Results.DocumentRow;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

import java.util.Map;

/**
 * Rows of a documents file as {@link DocumentRow}s. Columns the file lacks (written by an older
 * version: the contract only grows) read as null or zero.
 */
final class DocumentRowMaterializer extends RecordMaterializer<DocumentRow> {
    private final RecordValues root;
    private final int docId;
    private final int path;
    private final int sizeBytes;
    private final int modifiedAt;
    private final int pageCount;
    private final int status;
    private final int error;
    private final int pagesOcr;
    private final int pagesTextLayer;
    private final int meanConfidence;
    private final int runId;
    private final int processedAt;
    private final int pipeline;
    private final int resultRunId;

    DocumentRowMaterializer(MessageType schema) {
        root = new RecordValues(schema, Map.of());
        docId = root.slot(Columns.DOC_ID);
        path = root.slot(Columns.PATH);
        sizeBytes = root.slot(Columns.SIZE_BYTES);
        modifiedAt = root.slot(Columns.MODIFIED_AT);
        pageCount = root.slot(Columns.PAGE_COUNT);
        status = root.slot(Columns.STATUS);
        error = root.slot(Columns.ERROR);
        pagesOcr = root.slot(Columns.PAGES_OCR);
        pagesTextLayer = root.slot(Columns.PAGES_TEXT_LAYER);
        meanConfidence = root.slot(Columns.MEAN_CONFIDENCE);
        runId = root.slot(Columns.RUN_ID);
        processedAt = root.slot(Columns.PROCESSED_AT);
        pipeline = root.slot(Columns.PIPELINE);
        resultRunId = root.slot(Columns.RESULT_RUN_ID);
    }

    @Override
    public DocumentRow getCurrentRecord() {
        Object confidence = root.get(meanConfidence);
        return new DocumentRow(root.string(docId), root.string(path), root.longValue(sizeBytes),
                root.string(modifiedAt), root.intValue(pageCount), root.string(status), root.string(error),
                root.intValue(pagesOcr), root.intValue(pagesTextLayer),
                confidence == null ? null : ((Number) confidence).floatValue(), root.string(runId),
                root.string(processedAt), root.string(pipeline), root.string(resultRunId));
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
