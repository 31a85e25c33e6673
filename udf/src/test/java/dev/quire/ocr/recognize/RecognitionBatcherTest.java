package dev.quire.ocr.recognize;

import dev.quire.QuireException;
import dev.quire.image.GrayImage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The batcher's concurrency contract, with a fake recogniser: right results, full batches, no hangs. */
class RecognitionBatcherTest {
    private static final Duration NO_HANG = Duration.ofSeconds(20);
    private final FakeRecognizer fake = new FakeRecognizer();

    private static List<GrayImage> lines(int firstId, int... widths) {
        List<GrayImage> out = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            out.add(FakeRecognizer.line(firstId + i, widths[i]));
        }
        return out;
    }

    private static List<Integer> ids(CtcResult[] results) {
        return java.util.Arrays.stream(results).map(FakeRecognizer::id).toList();
    }

    @Test
    void everyCallerGetsItsOwnResultsInItsOrder() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (RecognitionBatcher batcher = new RecognitionBatcher(fake, 8, 5, 64)) {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                checks.add(pool.submit(() -> {
                    Random random = new Random(caller);
                    for (int round = 0; round < 10; round++) {
                        int[] widths = random.ints(1 + random.nextInt(12), 320, 1200).toArray();
                        int first = caller * 1000 + round * 20;
                        CtcResult[] results = batcher.recognize(lines(first, widths));
                        List<Integer> expected = java.util.stream.IntStream.range(first, first + widths.length)
                                .boxed().toList();
                        if (!ids(results).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get(20, TimeUnit.SECONDS)).isTrue();
            }
            RecognitionBatcher.Statistics stats = batcher.statistics();
            assertThat(stats.lines()).isEqualTo(fake.calls.stream().mapToLong(c -> c.ids().size()).sum());
            assertThat(stats.maxBatch()).isEqualTo(8);
            assertThat(fake.calls).allSatisfy(c -> assertThat(c.ids()).hasSizeBetween(1, 8));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQueueLongerThanABatchIsCutIntoFullBatches() {
        try (RecognitionBatcher batcher = new RecognitionBatcher(fake, 4, 10_000, 64)) {
            CtcResult[] results = assertTimeoutPreemptively(NO_HANG,
                    () -> batcher.recognize(lines(1, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320)));
            assertThat(results).hasSize(12);
            assertThat(fake.calls).hasSize(3).allSatisfy(c -> assertThat(c.ids()).hasSize(4));
            RecognitionBatcher.Statistics stats = batcher.statistics();
            assertThat(stats.meanBatch()).isEqualTo(4.0);
            assertThat(stats.fill()).isEqualTo(1.0);
        }
    }

    @Test
    void aBatchTakesTheOldestLinesBucketThenNarrowerOnes() {
        try (RecognitionBatcher batcher = new RecognitionBatcher(fake, 16, 100, 64)) {
            CtcResult[] results = batcher.recognize(lines(1, 330, 400, 320, 390));
            assertThat(ids(results)).containsExactly(1, 2, 3, 4);
            // 330 → bucket 384 (takes 320 from the narrower bucket), then 400 and 390 → bucket 448
            assertThat(fake.calls).containsExactly(new FakeRecognizer.Call(384, List.of(1, 3)),
                    new FakeRecognizer.Call(448, List.of(2, 4)));
            assertThat(batcher.statistics().paddingShare()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aRecognizerFailureFailsOnlyTheCallersInThatBatch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (RecognitionBatcher batcher = new RecognitionBatcher(fake, 1, 0, 64)) {
            Future<CtcResult[]> good = pool.submit(() -> batcher.recognize(lines(1, 320, 500, 700)));
            Future<CtcResult[]> bad = pool.submit(() -> batcher.recognize(
                    List.of(FakeRecognizer.line(7, 320), FakeRecognizer.line(FakeRecognizer.POISON, 320))));
            assertThat(ids(good.get(20, TimeUnit.SECONDS))).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> bad.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("poisoned line");
            // the dispatcher survives a failed batch
            assertThat(ids(batcher.recognize(lines(9, 320)))).containsExactly(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeLetsTheRunningBatchFinishAndFailsTheQueuedLines() throws Exception {
        fake.hold();
        RecognitionBatcher batcher = new RecognitionBatcher(fake, 1, 0, 64);
        CompletableFuture<CtcResult[]> running = CompletableFuture.supplyAsync(() -> batcher.recognize(lines(1, 320)));
        assertThat(fake.entered.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CtcResult[]> queued = CompletableFuture.supplyAsync(() -> batcher.recognize(lines(2, 320)));
        Thread.sleep(100);   // let the second caller queue its line
        CompletableFuture<Void> closing = CompletableFuture.runAsync(batcher::close);
        Thread.sleep(200);
        assertThat(closing).as("close waits for the batch in flight").isNotDone();
        fake.open();
        closing.get(20, TimeUnit.SECONDS);
        assertThat(ids(running.get(20, TimeUnit.SECONDS))).containsExactly(1);
        assertThatThrownBy(() -> queued.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(QuireException.class);
        assertThat(fake.calls).hasSize(1);
        assertThatThrownBy(() -> batcher.recognize(lines(3, 320))).hasMessageContaining("closed");
        batcher.close();   // idempotent
    }

    @Test
    void whenTheDispatcherDiesQueuedAndLaterLinesFailInsteadOfHanging() throws Exception {
        fake.hold();
        RecognitionBatcher batcher = new RecognitionBatcher(fake, 16, 10_000, 64);
        CompletableFuture<CtcResult[]> waiting = CompletableFuture.supplyAsync(() -> batcher.recognize(lines(1, 320)));
        Thread.sleep(100);   // the line waits for its batch to fill
        batcher.dispatcherThread().interrupt();
        assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(QuireException.class);
        batcher.dispatcherThread().join(20_000);
        assertThat(batcher.dispatcherThread().isAlive()).isFalse();
        assertTimeoutPreemptively(NO_HANG, () ->
                assertThatThrownBy(() -> batcher.recognize(lines(2, 320))).hasMessageContaining("died"));
        assertThat(fake.calls).isEmpty();
        batcher.close();
    }

    @Test
    void twoDispatchersRunTwoBatchesAtOnceAndStillAnswerTheRightCallers() throws Exception {
        fake.hold();
        try (RecognitionBatcher batcher = new RecognitionBatcher(fake, 2, 0, 64, 2)) {
            CompletableFuture<CtcResult[]> a = CompletableFuture.supplyAsync(() -> batcher.recognize(lines(1, 320, 330)));
            CompletableFuture<CtcResult[]> b = CompletableFuture.supplyAsync(() -> batcher.recognize(lines(5, 900, 910)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (fake.calls.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(fake.mostAtOnce.get()).as("both batches inside the recogniser").isEqualTo(2);
            fake.open();
            assertThat(ids(a.get(20, TimeUnit.SECONDS))).containsExactly(1, 2);
            assertThat(ids(b.get(20, TimeUnit.SECONDS))).containsExactly(5, 6);
        }
    }

    @Test
    void withSeveralDispatchersOneDyingStillFailsEveryWaitingCaller() throws Exception {
        RecognitionBatcher batcher = new RecognitionBatcher(fake, 16, 10_000, 64, 3);
        CompletableFuture<CtcResult[]> waiting = CompletableFuture.supplyAsync(() -> batcher.recognize(lines(1, 320)));
        Thread.sleep(100);
        batcher.dispatcherThread().interrupt();
        assertThatThrownBy(() -> waiting.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(QuireException.class);
        assertTimeoutPreemptively(NO_HANG, () ->
                assertThatThrownBy(() -> batcher.recognize(lines(2, 320))).hasMessageContaining("died"));
        assertTimeoutPreemptively(NO_HANG, batcher::close);
    }

    @Test
    void aCallerIsChargedItsShareOfModelTimeAndTheRestAsWait() {
        try (RecognitionBatcher batcher = new RecognitionBatcher(fake, 16, 150, 64)) {
            RecognitionBatcher.Batched done = batcher.recognizeTimed(lines(1, 320, 320));
            assertThat(done.waitNanos()).as("a partial batch waits for the bounded wait")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
            assertThat(done.busyNanos()).isLessThan(done.waitNanos());
            assertThat(batcher.statistics().waitSeconds()).isGreaterThanOrEqualTo(0.2);
        }
    }
}
