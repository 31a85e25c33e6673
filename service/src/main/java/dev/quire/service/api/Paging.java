package dev.quire.service.api;

import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import io.javalin.http.Context;

import java.util.List;

/** {@code ?offset=&limit=} of the listings, checked; and the page as it is sent. */
record Paging(int offset, int limit) {
    static final int DEFAULT_LIMIT = 50;
    /** Large enough for a client to page quickly, small enough that one answer stays cheap. */
    static final int MAX_LIMIT = 500;

    /** One page of a listing: the items, how many match in all, and where this page starts. */
    record Page<T>(List<T> items, long total, int offset, int limit) {
    }

    static Paging of(Context ctx) {
        return new Paging(param(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                param(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    <T> Page<T> page(List<T> items, long total) {
        return new Page<>(items, total, offset, limit);
    }

    private static int param(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ServiceException(Problem.BAD_REQUEST, name + " must be an integer " + min + ".." + max);
    }
}
