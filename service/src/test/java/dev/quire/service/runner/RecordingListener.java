package dev.quire.service.runner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every call a runner makes, in order, as short strings ("planned 3", "document ok", …). */
final class RecordingListener implements RunListener {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);
    volatile String processRef;
    volatile RunResult result;
    volatile String error;
    volatile String runId;

    @Override
    public void started(String ref) {
        processRef = ref;
        calls.add("started");
        started.countDown();
    }

    @Override
    public void planned(String id, int documents, long pages) {
        runId = id;
        calls.add("planned " + documents);
    }

    @Override
    public void progress(long pagesDone, long pagesTotal) {
        calls.add("progress");
    }

    @Override
    public void document(String docId, String path, String status, int pages) {
        calls.add("document " + status);
    }

    @Override
    public void finished(RunResult r) {
        result = r;
        calls.add("finished");
        ended.countDown();
    }

    @Override
    public void failed(String e) {
        error = e;
        calls.add("failed");
        ended.countDown();
    }

    void awaitEnd(int seconds) throws InterruptedException {
        assertThat(ended.await(seconds, TimeUnit.SECONDS)).as("the run ended within %d s; calls: %s", seconds, calls)
                .isTrue();
    }
}
