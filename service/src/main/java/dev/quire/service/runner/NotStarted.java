package dev.quire.service.runner;

import java.util.concurrent.CompletableFuture;

/** The handle of a run that never started: its listener heard why at once, there is nothing to stop. */
final class NotStarted implements RunHandle {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private NotStarted() {
    }

    static RunHandle report(RunListener listener, String error) {
        ListenerCalls.safely(() -> listener.failed(error));
        return new NotStarted();
    }

    @Override
    public void cancel() {
        // nothing runs
    }

    @Override
    public CompletableFuture<Void> done() {
        return DONE;
    }
}
