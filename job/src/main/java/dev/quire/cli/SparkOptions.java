package dev.quire.cli;

import dev.quire.InvalidSettingsException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Spark runs: under spark-submit the cluster's settings apply; started directly, it is
 * local Spark on all cores unless {@code --master} says otherwise. {@code --conf} sets any
 * Spark property (spark.driver.memory is applied by scripts/quire as the JVM heap, as
 * spark-submit does). GPU resource requests are dropped for a local master ({@link LocalGpuResources}).
 */
final class SparkOptions {
    private static final Logger LOG = LoggerFactory.getLogger(SparkOptions.class);
    static final String LOCAL_MASTER = "local[*]";

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://host:7077, yarn, k8s://…). Default: the one spark-submit set, else local[*].")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark property, e.g. --conf spark.executor.memory=4g (repeatable).")
    Map<String, String> conf = new LinkedHashMap<>();

    /** A session for a job (with the Spark UI, where progress shows) or for reading ({@code ui} false). */
    SparkSession session(String appName, boolean ui) {
        SparkConf sc = new SparkConf();
        conf.forEach((k, v) -> {
            if (!k.startsWith("spark.")) {
                throw InvalidSettingsException.of("--conf", k + "=" + v, "a Spark property spark.*=value");
            }
            sc.set(k, v);
        });
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster(LOCAL_MASTER);
        }
        List<String> dropped = LocalGpuResources.strip(sc, System.getProperties());
        if (!dropped.isEmpty()) {
            LOG.warn(LocalGpuResources.warning(sc.get("spark.master"), dropped));
        }
        sc.setIfMissing("spark.app.name", appName);
        // quire draws its own progress bar on a terminal
        sc.setIfMissing("spark.ui.showConsoleProgress", "false");
        sc.setIfMissing("spark.sql.session.timeZone", "UTC");
        if (!ui) {
            sc.setIfMissing("spark.ui.enabled", "false");
        }
        return SparkSession.builder().config(sc).getOrCreate();
    }
}
