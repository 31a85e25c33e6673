package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.recognize.RecognitionSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recognition batching options: parsed into the settings shipped to executors, bad values quoted. */
class PipelineOptionsTest {
    private static RecognitionSettings recognition(String... args) {
        PipelineOptions options = new PipelineOptions();
        new CommandLine(options).parseArgs(args);
        return options.settings().engine().recognition();
    }

    @Test
    void defaultsChooseTheWaitByDevice() {
        RecognitionSettings r = recognition();
        assertThat(r.batchWaitMillis()).isEqualTo(RecognitionSettings.AUTO_WAIT);
        assertThat(r.batchWaitFor(true)).isEqualTo(RecognitionSettings.GPU_WAIT_MILLIS);
        assertThat(r.batchWaitFor(false)).isZero();
        assertThat(r.widthBucket()).isEqualTo(RecognitionSettings.DEFAULT_WIDTH_BUCKET);
    }

    @Test
    void waitAndBucketAreTakenAsGiven() {
        RecognitionSettings r = recognition("--rec-batch-wait", "25", "--rec-width-bucket", "32", "--rec-batch", "8");
        assertThat(r.batchWaitMillis()).isEqualTo(25);
        assertThat(r.batchWaitFor(false)).as("an explicit wait shares batches on CPU too").isEqualTo(25);
        assertThat(r.widthBucket()).isEqualTo(32);
        assertThat(r.batchSize()).isEqualTo(8);
        assertThat(recognition("--rec-batch-wait", "AUTO").batchWaitMillis()).isEqualTo(RecognitionSettings.AUTO_WAIT);
        assertThat(recognition("--rec-batch-wait", "0").batchWaitFor(true)).as("0 turns sharing off").isZero();
    }

    @Test
    void badValuesAreQuoted() {
        for (String bad : new String[] {"soon", "-1", "10001", "1.5", ""}) {
            assertThatThrownBy(() -> recognition("--rec-batch-wait", bad))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("--rec-batch-wait").hasMessageContaining("'" + bad + "'");
        }
        for (String bad : new String[] {"0", "-64", "5000"}) {
            assertThatThrownBy(() -> recognition("--rec-width-bucket", bad))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("--rec-width-bucket").hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void commandsTurnABadValueIntoAUsageError() {
        RunOutput.Result ocr = RunOutput.Result.of("ocr", "--rec-batch-wait", "later", "x.pdf");
        assertThat(ocr.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(ocr.err()).contains("'later'");
        RunOutput.Result run = RunOutput.Result.of("run", "--input", "x", "--output", "y", "--rec-width-bucket", "0");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--rec-width-bucket").contains("'0'");
    }
}
