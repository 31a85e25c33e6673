package dev.quire.service.runner;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChildExitTest {
    private static final RunResult RESULT = new RunResult("r1", Map.of("ok", 2L, "failed", 1L), Map.of("ocr", 4L));

    @Test
    void exitZeroOrThreeWithAFinishedEventIsACommittedRun() {
        assertThat(new ChildExit(0, RESULT, null, List.of(), false).result()).isEqualTo(RESULT);
        assertThat(new ChildExit(3, RESULT, null, List.of(), false).result()).isEqualTo(RESULT);
        assertThat(new ChildExit(3, RESULT, null, List.of(), false).error()).isNull();
    }

    @Test
    void withoutAFinishedEventEvenExitZeroIsAFailure() {
        ChildExit e = new ChildExit(0, null, null, List.of(), false);
        assertThat(e.result()).isNull();
        assertThat(e.error()).isEqualTo("the job ended without committing a run");
    }

    @Test
    void aFatalErrorIsTheJobsOwnLineAndNeverAStackTrace() {
        List<String> stderr = List.of("25/12/01 WARN NativeCodeLoader: …", "java.lang.IllegalStateException: x",
                "\tat dev.quire.Foo.bar(Foo.java:1)", "quire: cannot write output 's3a://b/o': Access Denied");
        assertThat(new ChildExit(1, null, null, stderr, false).error())
                .isEqualTo("cannot write output 's3a://b/o': Access Denied");
        assertThat(new ChildExit(1, null, "input path 'x' does not exist\nmore", stderr, false).error())
                .isEqualTo("input path 'x' does not exist");
        assertThat(new ChildExit(1, null, null, List.of("\tat x"), false).error())
                .isEqualTo("the job failed (exit status 1) without saying why");
    }

    @Test
    void aUsageErrorQuotesPicocliMessage() {
        List<String> stderr = List.of("Unknown option: '--bogus'", "Usage: quire run [-hqV] …", "  -i, --input");
        assertThat(new ChildExit(2, null, null, stderr, false).error())
                .isEqualTo("the job refused its options: Unknown option: '--bogus'");
    }

    @Test
    void deathBySignalAndCancelSayWhatHappened() {
        assertThat(new ChildExit(137, null, null, List.of(), false).error())
                .isEqualTo("the job process was killed by signal 9 (perhaps out of memory)");
        assertThat(new ChildExit(143, RESULT, null, List.of(), true).error()).isEqualTo("cancelled");
        assertThat(new ChildExit(143, RESULT, null, List.of(), true).result()).isNull();
        assertThat(new ChildExit(42, null, null, List.of(), false).error())
                .isEqualTo("the job process exited with status 42");
    }

    @Test
    void longLinesAreCut() {
        String error = new ChildExit(1, null, "x".repeat(1000), List.of(), false).error();
        assertThat(error).hasSize(ErrorText.MAX_LENGTH).endsWith("…");
    }
}
