package dev.multisession.runtime.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the operator port: {@code /metrics} (Prometheus text), the admin page's files under
 * {@code /admin/} (static, holding no data), and its API under {@code /admin/api/}. Metrics and
 * the API need the admin token; anything else is {@code 404}.
 */
final class OperatorHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PAGE_FILES = "/dev/multisession/runtime/operations/admin/";
    private static final Map<String, String> PAGES = Map.of(
            "/admin", "index.html", "/admin/", "index.html", "/admin/admin.js", "admin.js",
            "/admin/admin.css", "admin.css");
    private static final Set<String> ACTIONS = Set.of("close-day", "disconnect", "revoke");

    private final AdminToken token;
    private final PrometheusMeterRegistry metrics;
    private final AdminConsole admin;
    private final AdminEvents events;

    OperatorHandler(AdminToken token, PrometheusMeterRegistry metrics, AdminConsole admin, AdminEvents events) {
        this.token = token;
        this.metrics = metrics;
        this.admin = admin;
        this.events = events;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (path.equals("/metrics") && metrics != null) {
            if (get(request, response, callback) && authorized(request, response, callback)) {
                write(response, callback, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
            }
            return true;
        }
        if (admin == null) {
            return false;
        }
        String page = PAGES.get(path);
        if (page != null) {
            if (get(request, response, callback)) {
                response.getHeaders().put("Content-Security-Policy", "default-src 'self'");
                write(response, callback, contentType(page), resource(page));
            }
            return true;
        }
        if (!path.startsWith("/admin/api/")) {
            return false;
        }
        if (!authorized(request, response, callback)) {
            return true;
        }
        String action = path.substring("/admin/api/".length());
        if (action.equals("state") || action.equals("events")) {
            if (get(request, response, callback)) {
                if (action.equals("state")) {
                    answer(action, response, callback, () -> admin.state());
                } else {
                    events.stream(response, callback);
                }
            }
            return true;
        }
        if (!ACTIONS.contains(action)) {
            // before the method and the query: a mistyped action is named as such
            writeError(response, callback, HttpStatus.NOT_FOUND_404,
                    "unknown action " + action + ": close-day, disconnect or revoke");
            return true;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            refuse(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, path + " is POST only");
            return true;
        }
        act(action, Request.extractQueryParameters(request), request, response, callback);
        return true;
    }

    private void act(String action, Fields query, Request request, Response response, Callback callback) {
        String session = query.getValue("session");
        String terminal = query.getValue("terminal");
        if (session == null || session.isBlank()
                || (!action.equals("close-day") && (terminal == null || terminal.isBlank()))) {
            writeError(response, callback, HttpStatus.BAD_REQUEST_400,
                    "name the session (and the terminal) in the query: ?session=...&terminal=...");
            return;
        }
        switch (action) {
            case "close-day" -> answer(action, response, callback, () -> {
                OptionalLong run = admin.closeDay(session);
                if (run.isEmpty()) {
                    throw new NoSuchSession("no session " + session + " in this hub's store: check its name"
                            + " (GET /admin/api/state lists the sessions)");
                }
                return MAPPER.createObjectNode().put("runId", run.getAsLong());
            });
            case "disconnect" -> answer(action, response, callback,
                    () -> MAPPER.createObjectNode().put("closed", admin.disconnect(session, terminal)));
            case "revoke" -> answer(action, response, callback,
                    () -> MAPPER.createObjectNode().put("revoked", admin.revoke(session, terminal)));
            default -> throw new IllegalStateException("not an action: " + action);
        }
    }

    /**
     * Writes what {@code work} answers as JSON; an unknown session is {@code 404} and any other
     * failure (the store does not answer) {@code 500}, each with a one-line JSON error a script
     * can read, not the server's error page.
     */
    private static void answer(String action, Response response, Callback callback, Supplier<ObjectNode> work) {
        ObjectNode result;
        try {
            result = work.get();
        } catch (NoSuchSession e) {
            writeError(response, callback, HttpStatus.NOT_FOUND_404, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("the admin action {} failed", action, e);
            writeError(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500,
                    action + " failed: " + oneLine(e));
            return;
        }
        write(response, callback, "application/json", json(result));
    }

    private static void writeError(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        String body = json(MAPPER.createObjectNode().put("error", message)) + "\n";
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    /** The session an action names is not in the store. */
    private static final class NoSuchSession extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchSession(String message) {
            super(message, null, false, false);
        }
    }

    private boolean authorized(Request request, Response response, Callback callback) {
        if (token.admits(request)) {
            return true;
        }
        // never the token: only who tried and where
        LOG.warn("refused {} {} from {}: missing or wrong admin token", request.getMethod(),
                Request.getPathInContext(request), Request.getRemoteAddr(request));
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"multisession-admin\"");
        refuse(request, response, callback, HttpStatus.UNAUTHORIZED_401,
                "the admin token is required (Authorization: Bearer <admin token>)");
        return false;
    }

    private static boolean get(Request request, Response response, Callback callback) {
        if (HttpMethod.GET.is(request.getMethod())) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, "GET");
        refuse(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405,
                Request.getPathInContext(request) + " is GET only");
        return false;
    }

    /**
     * Refuses a request: under the API with one line of JSON, as every other answer there, so that
     * scripts and {@code hub admin} read one shape; elsewhere (the page's files, metrics) with
     * Jetty's error page.
     */
    private static void refuse(Request request, Response response, Callback callback, int status, String message) {
        if (Request.getPathInContext(request).startsWith("/admin/api/")) {
            writeError(response, callback, status, message);
        } else {
            Response.writeError(request, response, callback, status, message);
        }
    }

    static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static void write(Response response, Callback callback, String contentType, String body) {
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OperatorHandler.class.getResourceAsStream(PAGE_FILES + name)) {
            if (in == null) {
                throw new IOException("the admin page's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String contentType(String page) {
        if (page.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return page.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }
}
