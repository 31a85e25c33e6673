package dev.quire.job;

/**
 * Where a run's files go under the output root (the Parquet contract in DESIGN.md):
 * {@code documents/run=ID/}, {@code pages/run=ID/}, and the manifest {@code runs/ID.json},
 * written last: a run exists for readers only once its manifest does.
 */
public record OutputLayout(String root) {
    public static final String DOCUMENTS = "documents";
    public static final String PAGES = "pages";
    public static final String RUNS = "runs";
    /** Partition directory prefix, so that Spark and DuckDB read {@code run} as a column. */
    public static final String RUN_PARTITION = "run=";

    public OutputLayout {
        root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
    }

    public String documentsDir() {
        return root + "/" + DOCUMENTS;
    }

    public String pagesDir() {
        return root + "/" + PAGES;
    }

    public String runsDir() {
        return root + "/" + RUNS;
    }

    public String documents(String runId) {
        return documentsDir() + "/" + RUN_PARTITION + runId;
    }

    public String pages(String runId) {
        return pagesDir() + "/" + RUN_PARTITION + runId;
    }

    public String manifest(String runId) {
        return runsDir() + "/" + runId + ".json";
    }
}
