package dev.multisession.runtime.operations;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.StoredTokens;
import dev.multisession.runtime.transport.websocket.HubServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One hub node as an operator runs it, on loopback: SQLite store with its tokens, the hub with
 * metrics and activity as observers, the terminals' WebSocket server, and the operator server
 * with metrics and the admin page on a port of its own.
 */
final class OperatorNode implements AutoCloseable {

    static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";

    final SqliteHubStore store;
    final StoredTokens tokens;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final Hub hub;
    final HubServer server;
    final OperatorServer operators;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final List<AutoCloseable> open = new ArrayList<>();

    OperatorNode(Path dir) {
        store = SqliteHubStore.open(dir.resolve("hub.db"));
        open.add(0, store);
        tokens = store.tokens();
        open.add(0, tokens);
        HubMetrics metrics = new HubMetrics(registry, "node-a");
        TerminalActivity activity = new TerminalActivity();
        hub = Hub.builder().store(store).observer(Observers.of(metrics, activity)).build();
        metrics.watch(hub);
        open.add(0, hub);
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens::authenticate)
                .observer(metrics).start();
        open.add(0, server);
        tokens.onRevoked(server::closeToken);
        operators = OperatorServer.builder().port(0).adminToken(ADMIN_TOKEN).metrics(registry)
                .admin(new AdminConsole(hub, activity, "node-a", server, tokens::revoke)).start();
        open.add(0, operators);
    }

    URI operatorUri(String path) {
        return URI.create("http://127.0.0.1:" + operators.port() + path);
    }

    /** The answer to a call: status, headers and body (of a live stream, its first event only). */
    record Answer(int statusCode, HttpHeaders headers, String body) {}

    /**
     * A GET (or POST with an empty body) with this bearer token (none when null). A server-sent
     * event stream never ends, so only its first event is read: a test that wrongly gets one
     * fails on it instead of waiting forever.
     */
    Answer call(String method, URI uri, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            int b;
            while ((b = body.read()) != -1) {
                read.write(b);
                if (stream && read.toString(StandardCharsets.UTF_8).endsWith("\n\n")) {
                    break;
                }
            }
            return new Answer(response.statusCode(), response.headers(), read.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }
}
