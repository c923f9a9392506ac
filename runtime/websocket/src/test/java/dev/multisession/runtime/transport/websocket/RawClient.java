package dev.multisession.runtime.transport.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** A bare WebSocket client for tests: sends whatever text or bytes it is given and records replies. */
final class RawClient implements AutoCloseable {

    private final WebSocketClient client = new WebSocketClient();

    RawClient() throws Exception {
        client.setMaxTextMessageSize(64 << 20);
        client.setMaxFrameSize(64 << 20);
        client.setIdleTimeout(Duration.ofSeconds(30));
        client.start();
    }

    /** Connects with {@code Authorization: Bearer token} (no header when token is null). */
    Connection connect(URI uri, String token) throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        if (token != null) {
            request.setHeader("Authorization", "Bearer " + token);
        }
        Connection connection = new Connection();
        try {
            client.connect(connection, request).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return connection;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }

    /** One connection: received texts in order, and the close code once closed. */
    public static final class Connection implements Session.Listener.AutoDemanding {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
        private volatile Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String text) {
            messages.add(text);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            try {
                closeCode.complete(statusCode);
            } finally {
                callback.succeed();
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // A write racing the server's close frame fails first; the close code still follows.
            errors.add(cause);
        }

        void send(String text) throws Exception {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            session.sendText(text, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
            sent.get(10, TimeUnit.SECONDS);
        }

        void sendBinary(byte[] bytes) throws Exception {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            session.sendBinary(ByteBuffer.wrap(bytes), Callback.from(() -> sent.complete(null), sent::completeExceptionally));
            sent.get(10, TimeUnit.SECONDS);
        }

        /** The next message, failing the test if none comes within five seconds. */
        String next() throws InterruptedException {
            String message = messages.poll(5, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 5 s");
            }
            return message;
        }

        /**
         * The next message of {@code type}, skipping broadcasts ({@code change}); a message of any
         * other type fails the test, and so does none within a minute (generous for a loaded machine).
         */
        JsonNode next(String type) throws InterruptedException, IOException {
            while (true) {
                String text = messages.poll(60, TimeUnit.SECONDS);
                if (text == null) {
                    throw new AssertionError("no " + type + " within 60 s");
                }
                JsonNode message = JsonMappers.protocol().readTree(text);
                if (message.get("type").asText().equals(type)) {
                    return message;
                }
                if (!message.get("type").asText().equals("change")) {
                    throw new AssertionError("expected " + type + ", got " + text);
                }
            }
        }

        /** Says hello as {@code terminal} of session "bistro", new to the hub, and takes its welcome and snapshot. */
        void greet(String terminal) throws Exception {
            send("{\"type\":\"hello\",\"session\":\"bistro\",\"terminal\":\"" + terminal
                    + "\",\"user\":null,\"runId\":0,\"lastSeq\":0,\"protocol\":1}");
            next("welcome");
            next("snapshot");
        }

        /** The connection's Jetty session, for writing frames another way than {@link #send}. */
        Session session() {
            return session;
        }

        boolean isOpen() {
            return session != null && session.isOpen();
        }

        void close() {
            if (session != null) {
                session.close();
            }
        }
    }
}
