package dev.multisession.runtime.operations;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A terminal speaking the protocol's JSON directly over a real WebSocket (as a client in another
 * language would): enough to say hello and send mutations, and to read the hub's answers. Public
 * because Jetty binds to listener classes through public method handles.
 */
public final class ProtocolTerminal implements Session.Listener.AutoDemanding, AutoCloseable {

    private final WebSocketClient client = new WebSocketClient();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Session session;

    ProtocolTerminal(URI hub, String token) throws Exception {
        client.setIdleTimeout(Duration.ofSeconds(60));
        client.start();
        ClientUpgradeRequest request = new ClientUpgradeRequest(hub);
        request.setHeader("Authorization", "Bearer " + token);
        client.connect(this, request).get(20, TimeUnit.SECONDS);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
        received.add(text);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed.complete(statusCode);
        callback.succeed();
    }

    void send(String json) throws Exception {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.sendText(json, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        sent.get(20, TimeUnit.SECONDS);
    }

    /** The next message whose text contains {@code part}, skipping others; fails after 20 s. */
    String await(String part) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String message = received.poll(200, TimeUnit.MILLISECONDS);
            if (message != null && message.contains(part)) {
                return message;
            }
        }
        throw new AssertionError("no message containing " + part + " within 20 s");
    }

    void hello(String session, String terminal, String user) throws Exception {
        send("{\"type\":\"hello\",\"session\":\"" + session + "\",\"terminal\":\"" + terminal + "\",\"user\":\"" + user
                + "\",\"runId\":1,\"lastSeq\":0,\"protocol\":1}");
        await("\"welcome\"");
    }

    /** Sets {@code field} of {@code order} and waits for the hub's answer to it. */
    String set(long mutationId, long runId, String order, String field, String value) throws Exception {
        send("{\"type\":\"mutate\",\"mutationId\":" + mutationId + ",\"runId\":" + runId + ",\"order\":\"" + order
                + "\",\"baseRevision\":0,\"user\":\"anna\",\"ops\":[{\"op\":\"set\",\"path\":[\"" + field
                + "\"],\"value\":\"" + value + "\"}]}");
        return await("\"mutationId\":" + mutationId);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
