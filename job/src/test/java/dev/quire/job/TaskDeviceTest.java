package dev.quire.job;

import dev.quire.InvalidSettingsException;
import dev.quire.ocr.Device;
import dev.quire.ocr.EngineSettings;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The task's GPU assignment, faked as Spark's resource map, decides the engine's ordinal. */
class TaskDeviceTest {
    private static final EngineSettings AUTO = EngineSettings.defaults();
    private static final EngineSettings CUDA_0 = AUTO.withDevice(Device.parse("cuda"));

    private static Map<String, ResourceInformation> gpus(String... addresses) {
        return Map.of("gpu", new ResourceInformation("gpu", addresses));
    }

    @Test
    void theAssignedGpuBecomesTheOrdinalAndKeepsTheDeviceKind() {
        assertThat(TaskDevice.forTask(CUDA_0, gpus("3"), null).device()).isEqualTo(Device.parse("cuda:3"));
        // auto keeps its CPU fallback, on the assigned GPU
        assertThat(TaskDevice.forTask(AUTO, gpus("2"), null).device())
                .isEqualTo(new Device(Device.Kind.AUTO, 2));
    }

    @Test
    void theSchedulerWinsOverAnOrdinalFromTheCommandLine() {
        EngineSettings cuda1 = AUTO.withDevice(Device.parse("cuda:1"));
        assertThat(TaskDevice.forTask(cuda1, gpus("0"), null).device()).isEqualTo(Device.parse("cuda:0"));
    }

    @Test
    void withoutAGpuAssignmentTheConfiguredDeviceApplies() {
        EngineSettings cuda1 = AUTO.withDevice(Device.parse("cuda:1"));
        // local mode, or a cluster without GPU scheduling
        assertThat(TaskDevice.forTask(cuda1, Map.of(), null)).isSameAs(cuda1);
        assertThat(TaskDevice.forTask(cuda1, null, null)).isSameAs(cuda1);
        assertThat(TaskDevice.forTask(cuda1, gpus(), null)).isSameAs(cuda1);
        assertThat(TaskDevice.forTask(cuda1,
                Map.of("fpga", new ResourceInformation("fpga", new String[] {"0"})), null)).isSameAs(cuda1);
    }

    @Test
    void outsideASparkTaskTheConfiguredDeviceApplies() {
        assertThat(TaskDevice.forCurrentTask(CUDA_0)).isSameAs(CUDA_0);
    }

    @Test
    void anExplicitCpuDeviceStaysOnTheCpu() {
        EngineSettings cpu = AUTO.withDevice(Device.CPU);
        assertThat(TaskDevice.forTask(cpu, gpus("1"), null)).isSameAs(cpu);
    }

    @Test
    void sameOrdinalKeepsTheSameSettingsSoTasksShareOneEngine() {
        // Engines.shared is keyed by the settings: equal settings, one engine per JVM
        assertThat(TaskDevice.forTask(CUDA_0, gpus("0"), null)).isSameAs(CUDA_0);
        assertThat(TaskDevice.forTask(AUTO, gpus("5"), null))
                .isEqualTo(TaskDevice.forTask(AUTO, gpus("5"), null));
        assertThat(TaskDevice.forTask(AUTO, gpus("0"), null))
                .isNotEqualTo(TaskDevice.forTask(AUTO, gpus("1"), null));
    }

    @Test
    void severalAddressesForOneTaskUseTheFirst() {
        assertThat(TaskDevice.forTask(CUDA_0, gpus("2", "3"), null).device()).isEqualTo(Device.parse("cuda:2"));
    }

    @Test
    void cudaVisibleDevicesRenumbersPhysicalAddresses() {
        assertThat(TaskDevice.cudaOrdinal("3", "2,3")).isEqualTo(1);
        assertThat(TaskDevice.cudaOrdinal("2", " 2 , 3 ")).isEqualTo(0);
        assertThat(TaskDevice.cudaOrdinal("GPU-abc", "GPU-xyz,GPU-abc")).isEqualTo(1);
        assertThat(TaskDevice.cudaOrdinal("3", "")).isEqualTo(3);
        assertThat(TaskDevice.forTask(CUDA_0, gpus("7"), "6,7").device()).isEqualTo(Device.parse("cuda:1"));
    }

    @Test
    void anAddressCudaCannotSeeIsAnErrorQuotingIt() {
        assertThatThrownBy(() -> TaskDevice.cudaOrdinal("0", "2,3"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'0'").hasMessageContaining("CUDA_VISIBLE_DEVICES=2,3");
    }

    @Test
    void aNonNumericAddressIsAnErrorQuotingIt() {
        assertThatThrownBy(() -> TaskDevice.cudaOrdinal("GPU-1234", null))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("'GPU-1234'");
        assertThatThrownBy(() -> TaskDevice.cudaOrdinal("-1", null))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("'-1'");
    }
}
