package dev.quire.service.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of {@code quire serve}, by the key it has in {@code conf/service.properties}. The
 * environment overrides a key as {@code QUIRE_} plus the key in upper snake case
 * ({@code jobs.maxConcurrent} → {@code QUIRE_JOBS_MAX_CONCURRENT}). Defaults and meanings are in
 * {@link ServiceConfig} and in the shipped properties file.
 */
public enum Setting {
    HOME("home"),
    SERVER_HOST("server.host"),
    SERVER_PORT("server.port"),
    AUTH_TOKEN("auth.token", true),
    AUTH_DISABLED("auth.disabled"),
    DATA_DIR("data.dir"),
    STORE_URL("store.url"),
    STORE_USER("store.user"),
    STORE_PASSWORD("store.password", true),
    INPUTS_ALLOWED_ROOTS("inputs.allowedRoots"),
    OUTPUTS_ALLOWED_ROOTS("outputs.allowedRoots"),
    JOBS_MAX_CONCURRENT("jobs.maxConcurrent"),
    JOBS_QUEUE_DEPTH("jobs.queueDepth"),
    JOBS_REQUEUE_ON_RESTART("jobs.requeueOnRestart"),
    JOBS_RETRY_AFTER_SECONDS("jobs.retryAfterSeconds"),
    LIMITS_MAX_BODY_BYTES("limits.maxBodyBytes"),
    UPLOADS_MAX_FILE_BYTES("uploads.maxFileBytes"),
    UPLOADS_MAX_FILES("uploads.maxFiles"),
    UPLOADS_MAX_REQUEST_BYTES("uploads.maxRequestBytes"),
    RUNNER_KIND("runner.kind"),
    RUNNER_JAVA("runner.java"),
    RUNNER_JOB_JAR("runner.jobJar"),
    RUNNER_JOB_LIB("runner.jobLib"),
    RUNNER_JAVA_OPTS("runner.javaOpts"),
    RUNNER_HEAP("runner.heap"),
    RUNNER_MASTER("runner.master"),
    RUNNER_SPARK_CONF("runner.sparkConf"),
    RUNNER_CANCEL_GRACE_SECONDS("runner.cancelGraceSeconds"),
    CLUSTER_MASTER("cluster.master"),
    CLUSTER_DEPLOY_MODE("cluster.deployMode"),
    CLUSTER_JAR("cluster.jar"),
    CLUSTER_PROPERTIES("cluster.properties"),
    CLUSTER_SPARK_HOME("cluster.sparkHome"),
    EVENTS_HEARTBEAT_SECONDS("events.heartbeatSeconds"),
    DATA_RETENTION_DAYS("data.retentionDays");

    private static final Map<String, Setting> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toMap(Setting::key, Function.identity()));

    private final String key;
    /** Secrets are never quoted in error messages or printed. */
    private final boolean secret;

    Setting(String key) {
        this(key, false);
    }

    Setting(String key, boolean secret) {
        this.key = key;
        this.secret = secret;
    }

    public String key() {
        return key;
    }

    public boolean secret() {
        return secret;
    }

    /** {@code QUIRE_} + the key in upper snake case: {@code uploads.maxFileBytes} → {@code QUIRE_UPLOADS_MAX_FILE_BYTES}. */
    public String environmentName() {
        StringBuilder b = new StringBuilder("QUIRE_");
        for (char c : key.toCharArray()) {
            if (c == '.') {
                b.append('_');
            } else if (Character.isUpperCase(c)) {
                b.append('_').append(c);
            } else {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    public static Optional<Setting> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
