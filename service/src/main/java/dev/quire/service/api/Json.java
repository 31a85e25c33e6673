package dev.quire.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.quire.service.Problem;
import dev.quire.service.ServiceException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * JSON in and out. Request bodies are read strictly (unknown fields, wrong types and trailing
 * garbage are 400s) and never beyond the configured size, whatever the Content-Length says; parse
 * errors are reported by field and position only, never with Jackson's message (which quotes input
 * and internal class names).
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // a document answer holds hundreds of floats (boxes, confidences): the JDK's float-to-text
            // took half of a lookup's server CPU, Jackson's Schubfach writer a fraction of it
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private Json() {
    }

    /** The request body as {@code type}; 413 past {@code maxBytes}, 415 for a non-JSON content type, 400 for bad JSON. */
    static <T> T body(Context ctx, Class<T> type, long maxBytes) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ServiceException(Problem.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
        }
        byte[] bytes = read(ctx, maxBytes);
        if (bytes.length == 0) {
            throw new ServiceException(Problem.BAD_REQUEST, "a JSON body is required");
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new ServiceException(Problem.BAD_REQUEST, "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw new ServiceException(Problem.BAD_REQUEST, field.isEmpty() ? "the body must be a JSON object"
                    : "field '" + field + "' has the wrong type");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ServiceException(Problem.BAD_REQUEST, "malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "the body could not be read");
        }
    }

    /** Reads at most {@code maxBytes}; a chunked body without Content-Length is cut off the same way. */
    static byte[] read(Context ctx, long maxBytes) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "the body could not be read");
        }
    }

    static ServiceException tooLarge(long maxBytes) {
        return new ServiceException(Problem.PAYLOAD_TOO_LARGE, "the body exceeds " + maxBytes + " bytes");
    }

    /** A stored JSON text as a tree, so that it is sent as JSON and not as a quoted string. */
    static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
