package dev.quire.service.config;

import dev.quire.InvalidSettingsException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The settings of {@code quire serve}, read once at start and immutable after. Sources, later
 * ones winning: the defaults below, a properties file ({@code conf/service.properties} documents
 * every key), the environment ({@code QUIRE_<KEY_UPPER_SNAKE>}, see {@link Setting}), the command
 * line. Relative paths are resolved against the working directory.
 *
 * @param home               the Quire installation (where {@code conf/} and {@code job/target/} are)
 * @param authToken          the bearer token every request but /health and /openapi.json must carry; null when disabled
 * @param storeUrl           JDBC URL of the job store; an H2 file database in the data directory by default
 * @param inputRoots         directories (or URI prefixes such as {@code hdfs://nn/corpus/}) job inputs must lie under
 * @param outputRoots        where jobs may write, besides the default output root in the data directory
 * @param queueDepth         jobs that may wait for a free slot; more are refused with 429
 * @param sparkConf          {@code spark.*=value} properties given to every job
 * @param retentionDays      days after a job ended that its log and uploaded PDFs are kept; 0 for ever
 */
public record ServiceConfig(Path home, String host, int port, String authToken, boolean authDisabled, Path dataDir,
                            String storeUrl, String storeUser, String storePassword,
                            List<String> inputRoots, List<String> outputRoots,
                            int maxConcurrent, int queueDepth, boolean requeueOnRestart, int retryAfterSeconds,
                            long maxBodyBytes, long uploadMaxFileBytes, int uploadMaxFiles, long uploadMaxRequestBytes,
                            RunnerKind runnerKind, Path java, Path jobJar, Path jobLib, Path javaOpts, String heap,
                            String master, List<String> sparkConf, int cancelGraceSeconds,
                            String clusterMaster, String clusterDeployMode, Path clusterJar, Path clusterProperties,
                            Path sparkHome, int heartbeatSeconds, int retentionDays) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = "data";
    /** Each embedded job is local Spark on all cores: one at a time keeps them from fighting over them. */
    public static final int DEFAULT_MAX_CONCURRENT = 1;
    public static final int DEFAULT_QUEUE_DEPTH = 32;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 30;
    public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;
    public static final long DEFAULT_UPLOAD_MAX_FILE_BYTES = 256L << 20;
    public static final int DEFAULT_UPLOAD_MAX_FILES = 100;
    public static final long DEFAULT_UPLOAD_MAX_REQUEST_BYTES = 1L << 30;
    public static final RunnerKind DEFAULT_RUNNER = RunnerKind.EMBEDDED;
    public static final String DEFAULT_MASTER = "local[*]";
    /** A Spark UI per job would only compete for ports; progress comes through the service. */
    public static final List<String> DEFAULT_SPARK_CONF = List.of("spark.ui.enabled=false");
    public static final int DEFAULT_CANCEL_GRACE_SECONDS = 10;
    public static final String DEFAULT_DEPLOY_MODE = "client";
    /** Below Jetty's 30 s idle timeout, so that a quiet event stream stays open. */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 15;
    /** Job logs and uploaded PDFs of jobs that ended longer ago are deleted; 0 keeps them. */
    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int MIN_TOKEN_LENGTH = 16;
    public static final String DEFAULT_JOB_JAR = "job/target/quire-job.jar";
    public static final String DEFAULT_JOB_LIB = "job/target/lib";
    public static final String DEFAULT_JAVA_OPTS = "conf/java-opts";
    public static final String DEFAULT_CLUSTER_JAR = "job/target/quire-cluster.jar";
    public static final String DEFAULT_CLUSTER_PROPERTIES = "conf/spark-cluster.conf";
    public static final String DEFAULT_CONFIG_FILE = "conf/service.properties";

    public ServiceConfig {
        inputRoots = List.copyOf(inputRoots);
        outputRoots = List.copyOf(outputRoots);
        sparkConf = List.copyOf(sparkConf);
    }

    /**
     * Reads the settings.
     *
     * @param file        a properties file, or null for none
     * @param environment the process environment (only {@code QUIRE_*} and {@code SPARK_HOME} are read)
     * @param overrides   key → value, winning over everything (command line options)
     * @throws InvalidSettingsException naming the key, the value's origin and the value
     */
    public static ServiceConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        SettingValues v = SettingValues.of(file, environment, overrides);
        Path home = v.path(Setting.HOME, Path.of(System.getProperty("quire.home", "")).toAbsolutePath().normalize());
        String host = v.string(Setting.SERVER_HOST, DEFAULT_HOST);
        int port = v.integer(Setting.SERVER_PORT, DEFAULT_PORT, 0, 65535);
        boolean authDisabled = v.bool(Setting.AUTH_DISABLED, false);
        String token = authDisabled ? null : v.string(Setting.AUTH_TOKEN, null);
        if (authDisabled && !isLoopback(host)) {
            throw v.invalid(Setting.SERVER_HOST, "a loopback address such as 127.0.0.1 when auth.disabled=true: "
                    + "without authentication the service may only listen on this machine");
        }
        if (!authDisabled && token == null) {
            throw new InvalidSettingsException("no bearer token: set auth.token (or the environment variable "
                    + Setting.AUTH_TOKEN.environmentName() + "), or auth.disabled=true to serve without "
                    + "authentication on a loopback address");
        }
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw v.invalid(Setting.AUTH_TOKEN, "at least " + MIN_TOKEN_LENGTH + " characters");
        }
        Path dataDir = v.path(Setting.DATA_DIR, Path.of(DEFAULT_DATA_DIR).toAbsolutePath().normalize());
        RunnerKind runner = v.choice(Setting.RUNNER_KIND, RunnerKind.class, DEFAULT_RUNNER);
        String clusterMaster = v.string(Setting.CLUSTER_MASTER, null);
        if (runner == RunnerKind.CLUSTER && clusterMaster == null) {
            throw v.invalid(Setting.CLUSTER_MASTER, "a Spark master URL (spark://host:7077, yarn, k8s://…) "
                    + "when runner.kind=cluster");
        }
        String deployMode = v.string(Setting.CLUSTER_DEPLOY_MODE, DEFAULT_DEPLOY_MODE);
        if (!deployMode.equals("client") && !deployMode.equals("cluster")) {
            throw v.invalid(Setting.CLUSTER_DEPLOY_MODE, "client or cluster");
        }
        List<String> sparkConf = v.list(Setting.RUNNER_SPARK_CONF, DEFAULT_SPARK_CONF);
        for (String kv : sparkConf) {
            int eq = kv.indexOf('=');
            if (!kv.startsWith("spark.") || eq < 0) {
                throw v.invalid(Setting.RUNNER_SPARK_CONF, "comma-separated spark.KEY=VALUE pairs");
            }
        }
        String sparkHome = environment.get("SPARK_HOME");
        return new ServiceConfig(home, host, port, token, authDisabled, dataDir,
                v.string(Setting.STORE_URL, null), v.string(Setting.STORE_USER, null),
                v.string(Setting.STORE_PASSWORD, null),
                v.list(Setting.INPUTS_ALLOWED_ROOTS, List.of()), v.list(Setting.OUTPUTS_ALLOWED_ROOTS, List.of()),
                v.integer(Setting.JOBS_MAX_CONCURRENT, DEFAULT_MAX_CONCURRENT, 1, 256),
                v.integer(Setting.JOBS_QUEUE_DEPTH, DEFAULT_QUEUE_DEPTH, 0, 100_000),
                v.bool(Setting.JOBS_REQUEUE_ON_RESTART, false),
                v.integer(Setting.JOBS_RETRY_AFTER_SECONDS, DEFAULT_RETRY_AFTER_SECONDS, 1, 86_400),
                v.bytes(Setting.LIMITS_MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES, 1024),
                v.bytes(Setting.UPLOADS_MAX_FILE_BYTES, DEFAULT_UPLOAD_MAX_FILE_BYTES, 1024),
                v.integer(Setting.UPLOADS_MAX_FILES, DEFAULT_UPLOAD_MAX_FILES, 1, 100_000),
                v.bytes(Setting.UPLOADS_MAX_REQUEST_BYTES, DEFAULT_UPLOAD_MAX_REQUEST_BYTES, 1024),
                runner,
                v.path(Setting.RUNNER_JAVA, Path.of(System.getProperty("java.home"), "bin", "java")),
                v.path(Setting.RUNNER_JOB_JAR, home.resolve(DEFAULT_JOB_JAR)),
                v.path(Setting.RUNNER_JOB_LIB, home.resolve(DEFAULT_JOB_LIB)),
                v.path(Setting.RUNNER_JAVA_OPTS, home.resolve(DEFAULT_JAVA_OPTS)),
                heap(v),
                v.string(Setting.RUNNER_MASTER, DEFAULT_MASTER),
                sparkConf,
                v.integer(Setting.RUNNER_CANCEL_GRACE_SECONDS, DEFAULT_CANCEL_GRACE_SECONDS, 0, 3600),
                clusterMaster, deployMode,
                v.path(Setting.CLUSTER_JAR, home.resolve(DEFAULT_CLUSTER_JAR)),
                v.path(Setting.CLUSTER_PROPERTIES, home.resolve(DEFAULT_CLUSTER_PROPERTIES)),
                v.path(Setting.CLUSTER_SPARK_HOME, sparkHome == null || sparkHome.isBlank() ? null : Path.of(sparkHome)),
                v.integer(Setting.EVENTS_HEARTBEAT_SECONDS, DEFAULT_HEARTBEAT_SECONDS, 1, 3600),
                v.integer(Setting.DATA_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, 0, 36_500));
    }

    private static String heap(SettingValues v) {
        String heap = v.string(Setting.RUNNER_HEAP, null);
        if (heap != null && !heap.matches("[0-9]+[kKmMgG]?")) {
            throw v.invalid(Setting.RUNNER_HEAP, "a JVM heap size such as 2g or 1536m");
        }
        return heap;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** JDBC URL of the job store: {@code store.url}, or an H2 file database {@code DATA/jobs.mv.db}. */
    public String jdbcUrl() {
        // closed by the service itself at shutdown, after the runner has stopped writing to it
        return storeUrl != null ? storeUrl : "jdbc:h2:file:" + dataDir.resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Where jobs that name no output write. */
    public Path defaultOutput() {
        return dataDir.resolve("output");
    }

    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path tmpDir() {
        return dataDir.resolve("tmp");
    }

    /** Without the secrets. */
    @Override
    public String toString() {
        return "ServiceConfig[home=" + home + ", listen=" + host + ":" + port + ", auth="
                + (authDisabled ? "disabled" : "token") + ", data=" + dataDir + ", store="
                + (storeUrl == null ? "h2 in data dir" : storeUrl.replaceAll("password=[^;&]*", "password=…"))
                + ", runner=" + runnerKind.label() + ", slots=" + maxConcurrent + ", queue=" + queueDepth + "]";
    }
}
