package dev.quire.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The one place that turns failures into responses: RFC 9457 problem details
 * ({@code application/problem+json}). A {@link ServiceException} shows its own status and message
 * (written to be safe for clients); Javalin's own HTTP exceptions (malformed path parameters,
 * unknown routes) keep their status with a fixed title; anything else is a bug: 500 with a
 * generic detail and a reference that the server log carries next to the stack trace.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://quire.dev/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** The problem-details body; {@code instance} is the request path (never the query, which may carry input paths). */
    public record Body(String type, String title, int status, String detail, String instance) {
    }

    private Problems() {
    }

    /** Maps any exception a handler threw. */
    static void handle(Exception e, Context ctx, ObjectMapper json) {
        if (e instanceof ServiceException se) {
            if (se.retryAfterSeconds() != null) {
                ctx.header("Retry-After", Integer.toString(se.retryAfterSeconds()));
            }
            write(ctx, json, se.problem(), se.getMessage());
        } else if (e instanceof HttpResponseException he) {
            write(ctx, json, he.getStatus(), forStatus(he.getStatus()), null);
        } else {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), ref, e);
            write(ctx, json, Problem.INTERNAL, "the server failed to answer this request (reference " + ref + ")");
        }
    }

    static void write(Context ctx, ObjectMapper json, Problem problem, String detail) {
        write(ctx, json, problem.status(), problem, detail);
    }

    /** A status without a {@link Problem} of its own (405, 408, …) gets {@code about:blank} and a standard title. */
    static void write(Context ctx, ObjectMapper json, int status, Problem problem, String detail) {
        // an unauthenticated client is told nothing about the request beyond the 401 itself
        Body body = body(status, problem, detail, status == 401 ? null : ctx.path());
        ctx.status(status).contentType(CONTENT_TYPE).result(serialize(json, body));
    }

    static Body body(int status, Problem problem, String detail, String instance) {
        if (problem != null && problem.status() == status) {
            return new Body(TYPE_BASE + problem.slug(), problem.title(), status, detail, instance);
        }
        return new Body("about:blank", standardTitle(status), status, detail, instance);
    }

    static String serialize(ObjectMapper json, Body body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);   // a record of strings always serializes
        }
    }

    /** The {@link Problem} for an HTTP status, null if none. */
    static Problem forStatus(int status) {
        for (Problem p : Problem.values()) {
            if (p.status() == status) {
                return p;
            }
        }
        return null;
    }

    static String standardTitle(int status) {
        return switch (status) {
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 408 -> "Request timeout";
            case 411 -> "Length required";
            case 414 -> "URI too long";
            case 431 -> "Request header fields too large";
            case 501 -> "Not implemented";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "Server error" : "Client error";
        };
    }
}
