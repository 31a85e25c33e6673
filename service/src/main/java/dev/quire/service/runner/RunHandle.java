package dev.quire.service.runner;

import java.util.concurrent.CompletableFuture;

/** A started run. */
public interface RunHandle {

    /**
     * Asks the run to stop, then forces it after the configured grace period. Returns at once; the
     * run then ends through {@link RunListener#failed}. Calling it again, or after the end, does nothing.
     */
    void cancel();

    /** Completes once the listener has had its last call and the runner's threads for this run are done. */
    CompletableFuture<Void> done();
}
