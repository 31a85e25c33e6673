package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.config.ServiceConfig;
import dev.quire.service.jobs.Jobs;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The REST API on Javalin: routes, authentication, limits, the one exception mapping. It only
 * translates HTTP to {@link Jobs} and {@link ResultCatalog}; it owns neither (the caller closes them).
 */
public final class ApiServer implements AutoCloseable {
    /** How long a stop waits for open event streams to write their end before stopping Jetty. */
    private static final long STREAM_END_WAIT_MILLIS = 2000;
    /** A route: method and path template, as the OpenAPI document lists it. */
    public record Route(String method, String path) {
    }

    /** Every route; {@code openapi.json} describes exactly these (a test holds them equal). */
    public static final List<Route> ROUTES = List.of(
            new Route("get", "/health"), new Route("get", "/metrics"), new Route("get", "/openapi.json"),
            new Route("post", "/jobs"), new Route("get", "/jobs"), new Route("post", "/jobs/uploads"),
            new Route("get", "/jobs/{id}"), new Route("delete", "/jobs/{id}"),
            new Route("get", "/jobs/{id}/events"), new Route("get", "/jobs/{id}/documents"),
            new Route("get", "/documents/{docId}"), new Route("get", "/documents/{docId}/text"));
    static final String OPENAPI_RESOURCE = "/dev/quire/service/api/openapi.json";

    private final Javalin app;
    private final EventStream events;

    public ApiServer(ServiceConfig config, Jobs jobs, ResultCatalog results, PrometheusMeterRegistry registry) {
        PathPolicy paths = new PathPolicy(config.inputRoots(), config.outputRoots(), config.defaultOutput());
        BearerAuth auth = new BearerAuth(config.authDisabled() ? null : config.authToken());
        JobRoutes jobRoutes = new JobRoutes(jobs, paths, config.defaultOutput(), config.maxBodyBytes());
        UploadHandler uploads = new UploadHandler(jobs, paths, config.uploadsDir(), config.tmpDir(),
                config.defaultOutput(), new UploadHandler.Limits(config.uploadMaxFileBytes(),
                config.uploadMaxFiles(), config.uploadMaxRequestBytes()));
        DocumentRoutes documents = new DocumentRoutes(jobs, results);
        Observability observability = new Observability(jobs, registry);
        this.events = new EventStream(jobs, config.heartbeatSeconds());
        byte[] openApi = openApi();
        long maxBody = config.maxBodyBytes();

        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.http.maxRequestSize = maxBody;
            c.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems(Json.MAPPER)));
            c.requestLogger.http(observability::record);
        });
        app.before(guarded(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");   // document text must never be sniffed as HTML
            auth.check(ctx);
            // a JSON body too large is refused before it is read; uploads have their own, larger limits
            if (!ctx.path().equals("/jobs/uploads") && ctx.req().getContentLengthLong() > maxBody) {
                throw Json.tooLarge(maxBody);
            }
        }));
        app.get("/health", guarded(observability::health));
        app.get("/metrics", guarded(observability::metrics));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.post("/jobs", guarded(jobRoutes::submit));
        app.get("/jobs", guarded(jobRoutes::list));
        app.post("/jobs/uploads", guarded(uploads::handle));
        app.get("/jobs/{id}", guarded(jobRoutes::get));
        app.delete("/jobs/{id}", guarded(jobRoutes::cancel));
        app.get("/jobs/{id}/events", guarded(events::handle));
        app.get("/jobs/{id}/documents", guarded(documents::ofJob));
        app.get("/documents/{docId}", guarded(documents::document));
        app.get("/documents/{docId}/text", guarded(documents::text));
        app.exception(Exception.class, (e, ctx) -> Problems.handle(e, ctx, Json.MAPPER));
        // statuses Javalin sets itself without an exception (an unknown route, a wrong method)
        app.error(404, ctx -> unlessProblem(ctx, Problem.NOT_FOUND, "no such resource"));
        app.error(405, ctx -> unlessProblem(ctx, null, "method not allowed here"));
    }

    /**
     * A handler whose {@link Error}s (stack overflow, assertion, linkage) become exceptions: Javalin
     * answers those itself, in plain text, outside the one exception mapper.
     */
    private static Handler guarded(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (Error e) {
                throw new IllegalStateException("error in a request handler", e);
            }
        };
    }

    private static void unlessProblem(io.javalin.http.Context ctx, Problem problem, String detail) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(Problems.CONTENT_TYPE)) {
            Problems.write(ctx, Json.MAPPER, ctx.statusCode(), problem, detail);
        }
    }

    /** Starts listening; port 0 picks a free port ({@link #port()} tells which). */
    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Ends open event streams, then stops the server. */
    public void stop() {
        events.closeAll(STREAM_END_WAIT_MILLIS);
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private static byte[] openApi() {
        try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
