package dev.quire.service.cli;

import dev.quire.InvalidSettingsException;
import dev.quire.cli.ExitCodes;
import dev.quire.service.api.ApiServer;
import dev.quire.service.api.ResultCatalog;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.config.Setting;
import dev.quire.service.jobs.Jobs;
import dev.quire.service.jobs.Retention;
import dev.quire.service.results.ParquetResults;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code quire serve}: reads the configuration, opens the job manager, serves the API until the
 * process is told to stop (SIGTERM or Ctrl-C run the shutdown hook, which stops the server, then
 * the job manager, so that no request sees a closed store).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the REST service: submit OCR jobs, follow them, read per-document results.",
                "Settings come from the configuration file, then QUIRE_* environment variables, then these options."},
        footerHeading = "%nExamples:%n",
        footer = {"  QUIRE_AUTH_TOKEN=$(openssl rand -hex 24) quire serve",
                "  quire serve --config /etc/quire/service.properties --port 9090",
                "  quire serve --data-dir /var/lib/quire",
                "%nWithout a token, auth.disabled=true serves on a loopback address only.",
                "Every setting is documented in conf/service.properties.",
                "%nExit status:", "  0  stopped cleanly (SIGTERM, Ctrl-C)", "  1  failed to start or to run",
                "  2  bad configuration or command line"})
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** Results are looked for again at most this often after a miss. */
    private static final long RESULTS_REFRESH_MILLIS = 1000;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file. Default: conf/service.properties of the installation, if present.")
    Path config;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (server.host).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, 0 for any free one (server.port).")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Job store, uploads, default output and logs (data.dir).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    /** Opens the {@link Jobs} implementation: {@link ServiceJobs#open} in production, a fake in tests. */
    interface JobsFactory {
        Jobs open(ServiceConfig config, MeterRegistry registry);
    }

    private final JobsFactory factory;
    private final Map<String, String> environment;
    private final boolean shutdownHook;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile ApiServer server;
    private volatile Jobs jobs;
    private volatile ResultCatalog results;
    private volatile PrometheusMeterRegistry registry;
    private volatile ScheduledExecutorService housekeeping;

    public ServeCommand() {
        this(ServiceJobs::open, System.getenv(), true);
    }

    ServeCommand(JobsFactory factory, Map<String, String> environment, boolean shutdownHook) {
        this.factory = factory;
        this.environment = environment;
        this.shutdownHook = shutdownHook;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ServiceConfig c;
        try {
            c = ServiceConfig.load(configFile(), environment, overrides());
        } catch (InvalidSettingsException e) {
            err.println("quire serve: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Files.createDirectories(c.dataDir());
        LOG.info("starting: {}", c);
        try {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            jobs = factory.open(c, registry);
            results = new ResultCatalog(jobs::resultOutputs, c.defaultOutput().toString(),
                    root -> new ParquetResults(root, new Configuration()), RESULTS_REFRESH_MILLIS);
            server = new ApiServer(c, jobs, results, registry).start(c.host(), c.port());
            housekeeping = startHousekeeping(c, jobs);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        if (shutdownHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "quire-serve-shutdown"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("quire serve: listening on " + url(c.host(), server.port())
                + (c.authDisabled() ? " (authentication disabled)" : ""));
        out.flush();
        started.countDown();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Deletes old job logs and uploads at start and every hour, unless data.retentionDays is 0. */
    private static ScheduledExecutorService startHousekeeping(ServiceConfig c, Jobs jobs) {
        if (c.retentionDays() == 0) {
            return null;
        }
        Retention retention = new Retention(jobs::list, c.logsDir(), c.uploadsDir(),
                Duration.ofDays(c.retentionDays()));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quire-housekeeping");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                int deleted = retention.sweep(Instant.now());
                if (deleted > 0) {
                    LOG.info("housekeeping: deleted {} job log(s) and upload folder(s) older than {} days", deleted,
                            c.retentionDays());
                }
            } catch (RuntimeException e) {
                LOG.warn("housekeeping failed: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.HOURS);
        return timer;
    }

    /** Stops the server, then the job manager and the rest; once, from whichever thread asks first. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        try {
            if (server != null) {
                server.stop();
            }
        } catch (RuntimeException e) {
            LOG.warn("stopping the server", e);
        }
        try {
            if (jobs != null) {
                jobs.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("closing the job manager", e);
        }
        if (results != null) {
            results.close();
        }
        if (registry != null) {
            registry.close();
        }
        stopped.countDown();
    }

    /** For tests: the bound port once listening. */
    int awaitPort(Duration timeout) throws InterruptedException {
        if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("quire serve did not start within " + timeout);
        }
        return server.port();
    }

    private Path configFile() {
        if (config != null) {
            return config;
        }
        Path shipped = Path.of(System.getProperty("quire.home", "")).toAbsolutePath()
                .resolve(ServiceConfig.DEFAULT_CONFIG_FILE);
        return Files.isRegularFile(shipped) ? shipped : null;
    }

    private Map<String, String> overrides() {
        Map<String, String> o = new HashMap<>();
        if (host != null) {
            o.put(Setting.SERVER_HOST.key(), host);
        }
        if (port != null) {
            o.put(Setting.SERVER_PORT.key(), port.toString());
        }
        if (dataDir != null) {
            o.put(Setting.DATA_DIR.key(), dataDir.toString());
        }
        return o;
    }

    static String url(String host, int port) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) {
            h = "localhost";   // listening everywhere: this machine is one of them
        }
        return "http://" + h + ":" + port + "/";
    }
}
