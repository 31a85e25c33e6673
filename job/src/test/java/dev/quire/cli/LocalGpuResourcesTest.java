package dev.quire.cli;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LocalGpuResourcesTest {
    private static SparkConf gpuConf(String master) {
        return new SparkConf(false)
                .setMaster(master)
                .set("spark.executor.resource.gpu.amount", "1")
                .set("spark.executor.resource.gpu.discoveryScript", "./getGpusResources.sh")
                .set("spark.task.resource.gpu.amount", "0.25")
                .set("spark.worker.resource.gpu.amount", "4")
                .set("spark.executor.cores", "4")
                .set("spark.plugins", "com.nvidia.spark.SQLPlugin");
    }

    @Test
    void localMastersLoseEveryGpuResourceKeyAndKeepTheRest() {
        for (String master : List.of("local", "local[*]", "local[4]", "local[2,3]")) {
            SparkConf conf = gpuConf(master);
            List<String> dropped = LocalGpuResources.strip(conf, new Properties());
            assertThat(dropped).as(master).containsExactly(
                    "spark.executor.resource.gpu.amount", "spark.executor.resource.gpu.discoveryScript",
                    "spark.task.resource.gpu.amount", "spark.worker.resource.gpu.amount");
            assertThat(conf.contains("spark.task.resource.gpu.amount")).as(master).isFalse();
            assertThat(conf.get("spark.executor.cores")).isEqualTo("4");
            assertThat(conf.get("spark.plugins")).isEqualTo("com.nvidia.spark.SQLPlugin");
        }
    }

    @Test
    void clusterMastersKeepTheirGpuRequests() {
        for (String master : List.of("spark://head:7077", "yarn", "k8s://https://api:6443", "local-cluster[2,1,1024]")) {
            SparkConf conf = gpuConf(master);
            assertThat(LocalGpuResources.strip(conf, new Properties())).as(master).isEmpty();
            assertThat(conf.get("spark.task.resource.gpu.amount")).as(master).isEqualTo("0.25");
        }
    }

    @Test
    void systemPropertiesFromSparkSubmitAreClearedToo() {
        // SparkSession.Builder builds a fresh SparkConf from the system properties, where
        // spark-submit put the preset: a key left there would come back.
        SparkConf conf = new SparkConf(false).setMaster("local[*]");
        Properties sys = new Properties();
        sys.setProperty("spark.task.resource.gpu.amount", "0.25");
        sys.setProperty("spark.executor.memory", "4g");
        assertThat(LocalGpuResources.strip(conf, sys)).containsExactly("spark.task.resource.gpu.amount");
        assertThat(sys.stringPropertyNames()).containsExactly("spark.executor.memory");
    }

    @Test
    void nothingToDropMeansNoWarning() {
        SparkConf conf = new SparkConf(false).setMaster("local[*]").set("spark.executor.memory", "4g");
        assertThat(LocalGpuResources.strip(conf, new Properties())).isEmpty();
    }

    @Test
    void theWarningNamesTheMasterAndTheKeysAndWhereTheDeviceComesFrom() {
        String w = LocalGpuResources.warning("local[*]", List.of("spark.task.resource.gpu.amount"));
        assertThat(w).contains("local[*]", "spark.task.resource.gpu.amount", "--device", "wait forever");
    }

    @Test
    void otherResourcesThanGpuAreNotTouched() {
        assertThat(LocalGpuResources.isGpuResourceKey("spark.executor.resource.fpga.amount")).isFalse();
        assertThat(LocalGpuResources.isGpuResourceKey("spark.worker.resource.gpu.discoveryScript")).isTrue();
    }
}
