package dev.quire.job;

import dev.quire.pipeline.DocumentStatus;
import dev.quire.render.DocumentException;
import dev.quire.render.DocumentProblem;
import dev.quire.render.PdfDocument;
import org.apache.spark.api.java.function.FlatMapFunction;

import java.io.IOException;
import java.util.Iterator;

/**
 * Executor side of the scan: hashes each file (its document id) and counts its pages. A file
 * that cannot be read or opened is recorded with its problem, never thrown.
 */
final class ProbeFunction implements FlatMapFunction<Iterator<SourceFile>, ProbedFile> {
    private static final long serialVersionUID = 1L;

    private final HadoopConf conf;
    private final int maxPages;

    ProbeFunction(HadoopConf conf, int maxPages) {
        this.conf = conf;
        this.maxPages = maxPages;
    }

    @Override
    public Iterator<ProbedFile> call(Iterator<SourceFile> files) {
        return new MappingIterator<>(files, this::probe);
    }

    ProbedFile probe(SourceFile source) {
        String docId;
        try (LocalFile local = LocalFile.of(source.path(), conf.get(), true)) {
            docId = local.sha256();
            try (PdfDocument doc = PdfDocument.open(local.path())) {
                int pages = doc.pageCount();
                if (pages > maxPages) {
                    return new ProbedFile(source, docId, pages, DocumentStatus.FAILED,
                            source.path() + ": " + pages + " pages, more than the limit of " + maxPages);
                }
                return new ProbedFile(source, docId, pages, pages == 0 ? DocumentStatus.EMPTY : null,
                        pages == 0 ? source.path() + ": document has no pages" : null);
            } catch (DocumentException e) {
                return new ProbedFile(source, docId, 0, DocumentStatus.of(e.problem()),
                        e.getMessage().replace(local.path().toString(), source.path()));
            }
        } catch (IOException e) {
            return new ProbedFile(source, null, 0, DocumentStatus.of(DocumentProblem.UNREADABLE),
                    source.path() + ": cannot read: " + e.getMessage());
        }
    }
}
