package dev.quire.service.runner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls into a {@link RunListener} from a runner's thread. */
final class ListenerCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerCalls.class);

    private ListenerCalls() {
    }

    /** A listener that throws must not end the runner's thread: the process would be left unread and unreported. */
    static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a job listener failed", e);
        }
    }
}
