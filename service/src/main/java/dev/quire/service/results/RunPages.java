package dev.quire.service.results;

import dev.quire.job.OutputLayout;
import dev.quire.service.results.Results.PageRow;
import org.apache.hadoop.conf.Configuration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The pages files of one committed run. A document's pages may lie in more than one file (its page
 * ranges were read by different tasks), so a lookup asks every file and orders the rows by page.
 */
final class RunPages implements AutoCloseable {
    private final List<PagesFile> files;

    private RunPages(List<PagesFile> files) {
        this.files = files;
    }

    static RunPages open(OutputLayout layout, String runId, Configuration conf) {
        return new RunPages(PartFiles.list(layout.pages(runId), conf).stream()
                .map(f -> PagesFile.open(f, conf)).toList());
    }

    List<PageRow> pages(String docId, PagesFile.Projection projection) {
        List<PageRow> pages = new ArrayList<>();
        for (PagesFile f : files) {
            f.read(docId, projection, pages);
        }
        pages.sort(Comparator.comparingInt(PageRow::page));
        return pages;
    }

    /** Closes the files' idle readers; a lookup still in flight closes its own when it ends. */
    @Override
    public void close() {
        files.forEach(PagesFile::close);
    }
}
