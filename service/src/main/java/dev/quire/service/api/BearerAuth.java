package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;

/**
 * Bearer-token check run before routing, so that an unauthenticated client learns nothing, not
 * even whether a route or a job exists (401 comes before 404). The comparison is on SHA-256
 * digests with {@link MessageDigest#isEqual}: constant time, and the token's length does not show
 * either. A null token means authentication is disabled (allowed on loopback only, see ServiceConfig).
 */
final class BearerAuth {
    /** Probes and the API description are public: load balancers and clients read them without a token. */
    static final Set<String> PUBLIC_PATHS = Set.of("/health", "/openapi.json");
    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    BearerAuth(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    void check(Context ctx) {
        if (expected == null || PUBLIC_PATHS.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        boolean ok = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(expected, sha256(header.substring(PREFIX.length()).strip()));
        if (!ok) {
            // RFC 6750: a missing token gets the bare challenge, a wrong one error="invalid_token"
            ctx.header("WWW-Authenticate", header == null ? "Bearer realm=\"quire\""
                    : "Bearer realm=\"quire\", error=\"invalid_token\"");
            throw new ServiceException(Problem.UNAUTHORIZED, "a valid bearer token is required");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
