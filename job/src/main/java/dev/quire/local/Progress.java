package dev.quire.local;

/**
 * Receives progress as pages and documents finish; implementations must be thread-safe. Only
 * the page counts are required; the run-level callbacks serve machine-readable event streams.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void pagesQueued(int pages) {
        }

        @Override
        public void pagesDone(int pages) {
        }
    };

    void pagesQueued(int pages);

    void pagesDone(int pages);

    default void finish() {
    }

    /** A run got its id and is about to read {@code documents} documents with {@code pages} pages in all. */
    default void runPlanned(String runId, int documents, int pages) {
    }

    /** A document is done: read (ok, partial, failed), skipped, or not readable at all. */
    default void documentDone(String docId, String path, String status, int pages) {
    }
}
