package dev.quire.cluster;

import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * conf/spark-*.conf, the presets of scripts/submit.sh: they carry the JVM options of
 * conf/java-opts (Spark 4 on Java 17 needs them in every JVM), use only keys Spark, the RAPIDS
 * plugin or quire understand (a misspelt key is silently ignored), and keep the GPU settings
 * consistent.
 */
class SparkPresetsTest {
    private static final Path CONF = repositoryRoot().resolve("conf");
    private static final List<String> JVM_PRESETS = List.of("spark-cluster.conf", "spark-local.conf", "spark-gpu.conf");

    /** GPU scheduling keys: per resource name, so not in Spark's registry of config entries. */
    private static final Pattern RESOURCE_KEY =
            Pattern.compile("spark\\.(executor|driver|task|worker)\\.resource\\.gpu\\.(amount|discoveryScript|vendor)");
    /** Keys of the RAPIDS Accelerator 26.08 (docs/configs.md), which is not on quire's class path. */
    private static final Set<String> RAPIDS_KEYS = Set.of(
            "spark.rapids.sql.enabled", "spark.rapids.sql.concurrentGpuTasks", "spark.rapids.sql.explain",
            "spark.rapids.memory.gpu.allocFraction", "spark.rapids.memory.gpu.maxAllocFraction",
            "spark.rapids.memory.gpu.minAllocFraction", "spark.rapids.memory.gpu.reserve",
            "spark.rapids.memory.pinnedPool.size", "spark.rapids.sql.batchSizeBytes",
            "spark.rapids.sql.multiThreadedRead.numThreads");
    /** Keys spark-submit reads itself, outside the registry. */
    private static final Set<String> SUBMIT_KEYS = Set.of("spark.master");
    /** quire's own Spark properties (dev.quire.cli.PipelineOptions.DEVICE_PROPERTY). */
    private static final Set<String> QUIRE_KEYS = Set.of("spark.quire.device");

    @Test
    void presetsCarryTheJavaOptionsOfConfJavaOpts() throws IOException {
        List<String> javaOpts = Files.readAllLines(CONF.resolve("java-opts")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String preset : List.of("spark-cluster.conf", "spark-gpu.conf")) {
            Properties p = load(preset);
            assertThat(options(p, "spark.executor.extraJavaOptions")).as(preset).isEqualTo(javaOpts);
            assertThat(options(p, "spark.driver.extraJavaOptions")).as(preset).isEqualTo(javaOpts);
        }
        assertThat(options(load("spark-local.conf"), "spark.driver.extraJavaOptions")).isEqualTo(javaOpts);
    }

    @Test
    void presetsTurnOffDynamicAllocationAndSpeculation() throws IOException {
        for (String preset : JVM_PRESETS) {
            Properties p = load(preset);
            assertThat(p.getProperty("spark.dynamicAllocation.enabled")).as(preset).isEqualTo("false");
            assertThat(p.getProperty("spark.speculation")).as(preset).isEqualTo("false");
            assertThat(p.getProperty("spark.task.cpus")).as(preset).isEqualTo("1");
        }
    }

    @Test
    void everyKeyIsOneSparkRapidsOrQuireKnows() throws Exception {
        // Spark registers its config entries when the objects that declare them load
        Class.forName("org.apache.spark.internal.config.package$", true, getClass().getClassLoader());
        // the registry does catch a misspelt key
        assertThat(ConfigEntry.findEntry("spark.executor.memory")).isNotNull();
        assertThat(ConfigEntry.findEntry("spark.executor.memroy")).isNull();
        List<String> presets = presets();
        assertThat(presets).contains("spark-cluster.conf", "spark-local.conf", "spark-gpu.conf", "spark-rapids.conf");
        for (String preset : presets) {
            Properties p = load(preset);
            assertThat(p).as(preset).isNotEmpty();
            for (String key : p.stringPropertyNames()) {
                boolean known = ConfigEntry.findEntry(key) != null || RESOURCE_KEY.matcher(key).matches()
                        || RAPIDS_KEYS.contains(key) || QUIRE_KEYS.contains(key) || SUBMIT_KEYS.contains(key);
                assertThat(known).as("%s in %s is not a key Spark, RAPIDS or quire knows", key, preset).isTrue();
                // a '#' after a value would become part of it
                assertThat(p.getProperty(key)).as("%s in %s", key, preset).doesNotContain("#");
            }
        }
    }

    @Test
    void theLocalPresetRequestsNoGpusAndNoPlugin() throws IOException {
        Properties local = load("spark-local.conf");
        assertThat(local.getProperty("spark.master")).startsWith("local");
        // Spark's local scheduler has no GPUs to offer: a GPU request would wait forever
        assertThat(local.stringPropertyNames()).noneMatch(k -> k.contains(".resource."))
                .doesNotContain("spark.plugins");
    }

    @Test
    void theGpuPresetSharesEachGpuAmongAllOfAnExecutorsTasks() throws IOException {
        Properties gpu = load("spark-gpu.conf");
        assertThat(gpu.getProperty("spark.master")).as("a GPU preset must not pin a master").isNull();
        assertThat(gpu.getProperty("spark.executor.resource.gpu.amount")).isEqualTo("1");
        double perTask = Double.parseDouble(gpu.getProperty("spark.task.resource.gpu.amount"));
        assertThat(perTask).isEqualTo(0.25);
        int slots = Integer.parseInt(gpu.getProperty("spark.executor.cores"))
                / Integer.parseInt(gpu.getProperty("spark.task.cpus"));
        // as many GPU shares as task slots: neither cores nor GPU shares are left unused
        assertThat(Math.round(1 / perTask)).isEqualTo(slots);
        assertThat(gpu.getProperty("spark.executor.resource.gpu.discoveryScript")).endsWith("getGpusResources.sh");
        assertThat(gpu.getProperty("spark.quire.device")).isEqualTo("cuda");
    }

    @Test
    void rapidsLeavesMostOfTheGpuToOnnxRuntime() throws IOException {
        Properties rapids = load("spark-rapids.conf");
        assertThat(rapids.getProperty("spark.plugins")).isEqualTo("com.nvidia.spark.SQLPlugin");
        assertThat(rapids.getProperty("spark.rapids.sql.enabled")).isEqualTo("true");
        double alloc = Double.parseDouble(rapids.getProperty("spark.rapids.memory.gpu.allocFraction"));
        double max = Double.parseDouble(rapids.getProperty("spark.rapids.memory.gpu.maxAllocFraction"));
        assertThat(alloc).isEqualTo(0.3);
        // RAPIDS refuses a pool under minAllocFraction (0.25 by default) or above maxAllocFraction
        assertThat(alloc).isBetween(0.25, max);
        assertThat(max).isLessThanOrEqualTo(0.5);
        // only settings: no scheduling, no master, so it can go on top of any preset
        assertThat(rapids.stringPropertyNames()).noneMatch(k -> k.contains(".resource.") || k.equals("spark.master"));
    }

    @Test
    void rapidsKeysAreInTheRealPluginWhenItIsAtHand() throws IOException {
        // the 0.5 GB plugin jar is no build dependency: checked only where scripts/fetch-rapids.sh put it
        Path jar = rapidsJar();
        Assumptions.assumeTrue(jar != null,
                "no RAPIDS jar: set QUIRE_RAPIDS_JAR or run scripts/fetch-rapids.sh to check keys against it");
        String conf = null;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            // one copy of RapidsConf per supported Spark version (spark413/… for 4.1.3)
            ZipEntry entry = zip.stream()
                    .filter(e -> e.getName().matches("spark41\\d/com/nvidia/spark/rapids/RapidsConf\\$\\.class"))
                    .findFirst().orElse(null);
            assertThat(entry).as("RapidsConf for Spark 4.1 in %s", jar).isNotNull();
            try (InputStream in = zip.getInputStream(entry)) {
                conf = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
        Set<String> used = new TreeSet<>(RAPIDS_KEYS);
        for (String preset : presets()) {
            load(preset).stringPropertyNames().stream().filter(k -> k.startsWith("spark.rapids.")).forEach(used::add);
        }
        for (String key : used) {
            assertThat(conf).as("%s defined by %s", key, jar.getFileName()).contains(key);
        }
    }

    private static Path rapidsJar() throws IOException {
        String env = System.getenv("QUIRE_RAPIDS_JAR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path dir = repositoryRoot().resolve(".rapids");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("rapids-4-spark_2\\.13-.*\\.jar"))
                    .findFirst().orElse(null);
        }
    }

    @Test
    void theRapidsOverlayHasOneKeyValuePerLineForSubmitSh() throws IOException {
        // scripts/submit.sh turns each line into a --conf without a properties parser
        for (String line : Files.readAllLines(CONF.resolve("spark-rapids.conf"))) {
            String l = line.trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                assertThat(l).as(line).matches("spark\\.\\S+\\s+\\S+").doesNotEndWith("\\");
            }
        }
    }

    @Test
    void getGpusResourcesPrintsWhatSparkParses(@TempDir Path tmp) throws Exception {
        Path smi = tmp.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\nprintf '0\\n1\\n'\n");
        assertThat(smi.toFile().setExecutable(true)).isTrue();
        String out = runScript("getGpusResources.sh", smi);
        ResourceInformation info = ResourceInformation.parseJson(out.trim());
        assertThat(info.name()).isEqualTo("gpu");
        assertThat(info.addresses()).containsExactly("0", "1");

        Path none = tmp.resolve("no-gpus");
        Files.writeString(none, "#!/bin/sh\necho 'No devices were found'\n");
        assertThat(none.toFile().setExecutable(true)).isTrue();
        // Spark fails the executor start with the message instead of waiting for GPUs
        assertThat(runScript("getGpusResources.sh", none)).startsWith("exit 1:").contains("no GPU found");
    }

    private static String runScript(String script, Path nvidiaSmi) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", repositoryRoot().resolve("scripts").resolve(script).toString())
                .redirectErrorStream(true);
        pb.environment().put("NVIDIA_SMI", nvidiaSmi.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    private static List<String> presets() throws IOException {
        try (Stream<Path> files = Files.list(CONF)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("spark-") && n.endsWith(".conf")).sorted().toList();
        }
    }

    private static List<String> options(Properties p, String key) {
        String v = p.getProperty(key);
        assertThat(v).as(key).isNotNull();
        return Arrays.asList(v.trim().split("\\s+"));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(CONF.resolve(name))) {
            p.load(r);
        }
        return p;
    }

    static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("conf/java-opts"))) {
                return d;
            }
        }
        throw new IllegalStateException("conf/java-opts not found above " + Path.of("").toAbsolutePath());
    }
}
