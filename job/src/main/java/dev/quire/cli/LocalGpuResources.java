package dev.quire.cli;

import org.apache.spark.SparkConf;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * GPU resource requests that a local master must not see. Spark's local scheduler offers no
 * resources, so a task that asks for {@code spark.task.resource.gpu.amount} is never scheduled and
 * the job waits forever without an error. In local mode the OCR device comes from {@code --device}
 * instead, and there is only one JVM to put it in.
 */
final class LocalGpuResources {
    /** Prefixes of the keys that request GPUs from a cluster manager or describe a worker's resources. */
    static final List<String> PREFIXES = List.of(
            "spark.executor.resource.gpu.", "spark.task.resource.gpu.", "spark.worker.resource.");

    private LocalGpuResources() {
    }

    /** Spark's own test ({@code SparkContext.isLocal}): local, local[N], local[N,F], local[*]; not local-cluster. */
    static boolean isLocalMaster(String master) {
        return master != null && (master.equals("local") || master.startsWith("local["));
    }

    static boolean isGpuResourceKey(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * Removes the GPU resource keys from {@code conf} and from {@code systemProperties} when the
     * master is local, and returns the keys removed (in a stable order). The system properties
     * matter because spark-submit passes its settings that way and {@code SparkSession.Builder}
     * reads them again into a fresh {@code SparkConf}.
     */
    static List<String> strip(SparkConf conf, Properties systemProperties) {
        List<String> removed = new ArrayList<>();
        if (!isLocalMaster(conf.get("spark.master", null))) {
            return removed;
        }
        for (Tuple2<String, String> entry : conf.getAll()) {
            if (isGpuResourceKey(entry._1())) {
                removed.add(entry._1());
            }
        }
        for (String key : systemProperties.stringPropertyNames()) {
            if (isGpuResourceKey(key) && !removed.contains(key)) {
                removed.add(key);
            }
        }
        removed.sort(null);
        removed.forEach(key -> {
            conf.remove(key);
            systemProperties.remove(key);
        });
        return removed;
    }

    /** The one warning printed when keys were dropped. */
    static String warning(String master, List<String> removed) {
        // the log layout adds the "warning" prefix
        return "master " + master + " is local: ignoring " + String.join(", ", removed)
                + " (Spark's local scheduler has no GPUs to give and would wait forever);"
                + " the OCR device comes from --device or spark.quire.device";
    }
}
