package dev.multisession.runtime.transport.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Health checks for load balancers and monitors; everything else that is not a WebSocket
 * upgrade gets {@code 404}:
 *
 * <ul>
 *   <li>{@code GET /health} and {@code /health/live}: {@code 200} while the process serves
 *       HTTP, with {@code {"status":"up","connections":N}};
 *   <li>{@code GET /health/ready}: {@code 200} when the hub can serve terminals (its store
 *       answers; an open store has applied its migrations), else {@code 503}. It asks the
 *       database, so it may block for the store's connection timeout.
 * </ul>
 */
final class HealthHandler extends Handler.Abstract {

    private final String path;
    private final IntSupplier connections;
    private final BooleanSupplier ready;

    HealthHandler(String path, IntSupplier connections, BooleanSupplier ready) {
        this.path = path;
        this.connections = connections;
        this.ready = ready;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requested = Request.getPathInContext(request);
        boolean live = path.equals(requested) || (path + "/live").equals(requested);
        boolean readiness = (path + "/ready").equals(requested);
        if (!live && !readiness) {
            return false;
        }
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        boolean up = live || ready.getAsBoolean();
        String status = live ? "up" : up ? "ready" : "not ready";
        byte[] body = ("{\"status\":\"" + status + "\",\"connections\":" + connections.getAsInt() + "}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(up ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, HttpMethod.HEAD.is(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }
}
