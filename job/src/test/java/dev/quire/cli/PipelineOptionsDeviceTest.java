package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.Device;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --device wins; without it spark.quire.device (conf/spark-gpu.conf) applies; else auto. */
class PipelineOptionsDeviceTest {
    @Command
    static final class Holder {
        @Mixin
        PipelineOptions pipeline;
    }

    private static PipelineOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.pipeline;
    }

    @Test
    void withoutEitherTheDeviceIsAuto() {
        assertThat(parse().settings().engine().device()).isEqualTo(Device.AUTO);
        assertThat(parse().settings(null).engine().device()).isEqualTo(Device.AUTO);
    }

    @Test
    void theSparkPropertyAppliesWhenDeviceIsNotGiven() {
        assertThat(parse().settings("cuda").engine().device()).isEqualTo(Device.parse("cuda:0"));
    }

    @Test
    void theCommandLineWinsOverTheSparkProperty() {
        assertThat(parse("--device", "cpu").settings("cuda").engine().device()).isEqualTo(Device.CPU);
    }

    @Test
    void aBadPropertyValueIsQuotedWithThePropertyName() {
        assertThatThrownBy(() -> parse().settings("tpu"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("spark.quire.device").hasMessageContaining("'tpu'");
        assertThatThrownBy(() -> parse("--device", "tpu").settings())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("'tpu'");
    }
}
