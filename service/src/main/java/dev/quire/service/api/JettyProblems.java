package dev.quire.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's own error pages (a request line or header Jetty cannot parse, a URI too long, an error
 * raised before Javalin sees the request) as problem JSON instead of HTML. Jetty's reason text is
 * dropped: it may quote the request, and a stack trace must never reach a client.
 */
final class JettyProblems extends ErrorHandler {
    private final ObjectMapper json;

    JettyProblems(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        response.setStatus(code);
        response.setContentType(Problems.CONTENT_TYPE);
        byte[] body = bytes(code, baseRequest.getRequestURI());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE));
        return ByteBuffer.wrap(bytes(status, null));
    }

    private byte[] bytes(int status, String instance) {
        Problems.Body body = Problems.body(status, Problems.forStatus(status), null, instance);
        return Problems.serialize(json, body).getBytes(StandardCharsets.UTF_8);
    }
}
