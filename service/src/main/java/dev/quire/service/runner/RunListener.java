package dev.quire.service.runner;

/**
 * What a runner reports about one run, in this order: {@link #started} (maybe again once a better
 * reference is known), {@link #planned}, any number of {@link #progress} and {@link #document},
 * then exactly one of {@link #finished} or {@link #failed}, always last. Called from the runner's
 * own threads; implementations must return quickly and must not throw.
 */
public interface RunListener {

    /** The run has a reference: a child process id, later perhaps a Spark application id. */
    void started(String processRef);

    /** The job listed its inputs. */
    void planned(String runId, int documents, long pages);

    void progress(long pagesDone, long pagesTotal);

    /** One input file is done; {@code status} is its documents-table status (ok, partial, failed, …). */
    void document(String docId, String path, String status, int pages);

    /** The job committed its run (some documents may have failed: see {@link RunResult#documents()}). */
    void finished(RunResult result);

    /** The job did not commit a run (or was cancelled); {@code error} is one short line, safe to show. */
    void failed(String error);
}
