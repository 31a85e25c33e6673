package dev.quire.local;

/** Receives progress as pages finish; implementations must be thread-safe. */
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
}
