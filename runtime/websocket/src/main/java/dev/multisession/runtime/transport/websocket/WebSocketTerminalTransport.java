package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.flow.Backoff;
import dev.multisession.runtime.flow.DaemonThreads;
import dev.multisession.runtime.flow.SharedTimer;
import dev.multisession.runtime.flow.TokenBucket;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.transport.TerminalTransport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal's WebSocket connection to a {@link HubServer}. It authenticates with the
 * terminal's token, reconnects after every drop (exponential backoff with full jitter),
 * pings the hub every few seconds and treats a hub that stops answering as gone, so a dead
 * network path is noticed within {@code pongTimeout} instead of a TCP timeout.
 *
 * <p>A hub that refuses the token ({@code 401} at the upgrade) is reported to the listener as
 * {@link Listener#unauthorized}, not as an ordinary drop; the transport goes on trying, at its
 * longest backoff, since the token may be issued on the hub later. Messages to the hub are paced
 * ({@link Builder#sendRate}) below the hub's default per-connection rate limit.
 *
 * <p>Listener calls run on one thread owned by the transport, one at a time and in order;
 * {@link #send} may be called from any thread and never blocks.
 *
 * <pre>{@code
 * TerminalTransport transport = WebSocketTerminalTransport.builder(URI.create("wss://hub:8443/ws"), token)
 *         .trustStore(KeyStoreFile.pkcs12(Path.of("hub-ca.p12"), "changeit"))
 *         .build();
 * }</pre>
 */
public final class WebSocketTerminalTransport implements TerminalTransport {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTerminalTransport.class);

    private final URI uri;
    private final String token;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration connectTimeout;
    private final int outboundQueueLimit;
    private final double sendRate;
    private final int sendBurst;
    private final Duration maxBackoff;
    private final Backoff backoff;
    private final WebSocketClient client;
    private final ScheduledExecutorService events;
    private final MessageCodec codec = MessageCodec.instance();

    /** Set once by {@link #start}, before the events thread first reads it. */
    private volatile Listener listener;
    // Touched only on the events thread, except where volatile.
    private volatile Connection current;
    private volatile boolean closed;
    private ScheduledFuture<?> keepAlive;
    private ScheduledFuture<?> reconnect;

    private WebSocketTerminalTransport(Builder builder) {
        this.uri = builder.uri;
        this.token = builder.token;
        this.pingInterval = builder.pingInterval;
        this.pongTimeout = builder.pongTimeout;
        this.connectTimeout = builder.connectTimeout;
        this.outboundQueueLimit = builder.outboundQueueLimit;
        this.sendRate = builder.sendRate;
        this.sendBurst = builder.sendBurst;
        this.maxBackoff = builder.maxBackoff;
        this.backoff = Backoff.jittered(builder.minBackoff, builder.maxBackoff);
        HttpClient http = new HttpClient();
        if (builder.trustStore != null) {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setTrustStorePath(builder.trustStore.path().toAbsolutePath().toString());
            ssl.setTrustStorePassword(builder.trustStore.password());
            ssl.setTrustStoreType(builder.trustStore.type());
            http.setSslContextFactory(ssl);
        }
        this.client = new WebSocketClient(http);
        client.setMaxTextMessageSize(builder.maxMessageBytes);
        client.setMaxFrameSize(builder.maxMessageBytes);
        client.setConnectTimeout(connectTimeout.toMillis());
        // The keep-alive decides when the hub is gone; the idle timeout is only a backstop.
        client.setIdleTimeout(pongTimeout.plus(pingInterval).multipliedBy(2));
        this.events = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.single("terminal-transport " + uri.getHost() + ":" + uri.getPort()));
    }

    /**
     * A builder for a transport to {@code uri} ({@code ws://} or {@code wss://}, path included)
     * that authenticates with {@code token}.
     */
    public static Builder builder(URI uri, String token) {
        return new Builder(uri, token);
    }

    @Override
    public synchronized void start(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        if (this.listener != null) {
            throw new IllegalStateException("transport already started");
        }
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
        this.listener = listener;
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket client for " + uri, e);
        }
        events.execute(this::connect);
    }

    @Override
    public boolean send(ClientMessage message) {
        Connection connection = current;
        return connection != null && connection.paced.offer(codec.encode(message));
    }

    /** Whether a connection to the hub is up right now. */
    public boolean isConnected() {
        return current != null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            events.submit(() -> {
                cancelTimers();
                Connection connection = current;
                current = null;
                if (connection != null) {
                    connection.paced.close();
                    connection.session.close(StatusCode.NORMAL, "terminal closed", Callback.NOOP);
                }
            }).get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("closing the connection to {} did not finish in time", uri, e);
        }
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("WebSocket client for {} did not stop cleanly", uri, e);
        }
        events.shutdownNow();
    }

    private void connect() {
        if (closed) {
            return;
        }
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.setHeader("Authorization", "Bearer " + token);
        request.setTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        Socket socket = new Socket();
        try {
            client.connect(socket, request).whenComplete((session, failure) -> {
                if (failure != null) {
                    onEvents(() -> failedToConnect(socket, failure));
                }
            });
        } catch (Exception e) {
            failedToConnect(socket, e);
        }
    }

    private void failedToConnect(Socket socket, Throwable failure) {
        int status = upgradeStatus(failure);
        if (status == 401 || status == 403) {
            refused(socket, "unauthorized: the hub at " + uri + " refused the token (HTTP " + status + ")");
        } else {
            dropped(socket, describe(failure));
        }
    }

    /** The HTTP status of a refused upgrade anywhere in the cause chain, or 0. */
    private static int upgradeStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.eclipse.jetty.websocket.api.exceptions.UpgradeException upgrade) {
                return upgrade.getResponseStatusCode();
            }
            if (cause instanceof org.eclipse.jetty.websocket.core.exception.UpgradeException upgrade) {
                return upgrade.getResponseStatusCode();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return 0;
    }

    /** The token was refused: tell the listener so, and try again only at the longest backoff. */
    private void refused(Socket socket, String reason) {
        if (socket.dropped) {
            return;
        }
        socket.dropped = true;
        if (closed) {
            return;
        }
        LOG.warn("{}; trying again in {} s", reason, maxBackoff.toSeconds());
        notifyListener(() -> listener.unauthorized(reason));
        reconnect = events.schedule(this::connect, maxBackoff.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void opened(Socket socket, Session session) {
        if (closed) {
            session.close(StatusCode.NORMAL, "terminal closed", Callback.NOOP);
            return;
        }
        Connection connection = new Connection(socket, session, new PacedOutbound(
                new OutboundQueue(session, outboundQueueLimit, "hub " + uri), events, SharedTimer::schedule,
                new TokenBucket(sendRate, sendBurst, System::nanoTime), outboundQueueLimit));
        socket.heard();
        backoff.reset();
        current = connection;
        long interval = pingInterval.toNanos();
        keepAlive = events.scheduleWithFixedDelay(() -> keepAlive(connection), interval, interval, TimeUnit.NANOSECONDS);
        LOG.info("connected to {}", uri);
        notifyListener(() -> listener.connected());
    }

    private void keepAlive(Connection connection) {
        if (current != connection) {
            return;
        }
        long silentNanos = System.nanoTime() - connection.socket.lastHeard;
        if (silentNanos > pongTimeout.toNanos()) {
            LOG.warn("hub {} has not answered for {} ms; dropping the connection", uri,
                    TimeUnit.NANOSECONDS.toMillis(silentNanos));
            connection.session.disconnect();
            dropped(connection.socket, "no answer from the hub for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
            return;
        }
        connection.session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    private void dropped(Socket socket, String reason) {
        if (socket.dropped) {
            return;
        }
        socket.dropped = true;
        Connection connection = current;
        if (connection != null && connection.socket == socket) {
            current = null;
            connection.paced.close();
            cancelTimers();
            LOG.info("connection to {} lost: {}", uri, reason);
        } else {
            LOG.debug("cannot connect to {}: {}", uri, reason);
        }
        if (closed) {
            return;
        }
        notifyListener(() -> listener.disconnected(reason));
        Duration delay = backoff.next();
        reconnect = events.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void received(Socket socket, HubMessage message) {
        Connection connection = current;
        if (connection != null && connection.socket == socket && !closed) {
            notifyListener(() -> listener.received(message));
        }
    }

    private void cancelTimers() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
            keepAlive = null;
        }
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("terminal transport listener failed", e);
        }
    }

    private void onEvents(Runnable task) {
        try {
            events.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closed: nothing left to tell.
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** An open connection: the socket Jetty calls back, its session and its paced write queue. */
    private record Connection(Socket socket, Session session, PacedOutbound paced) {}

    /**
     * Jetty's callbacks for one connection attempt, forwarded to the events thread. Public only
     * because Jetty binds to endpoint classes through public method handles.
     */
    public final class Socket implements Session.Listener.AutoDemanding {
        private volatile long lastHeard = System.nanoTime();
        /** Set on the events thread once this attempt has been reported as dropped. */
        private boolean dropped;

        private Socket() {}

        void heard() {
            lastHeard = System.nanoTime();
        }

        @Override
        public void onWebSocketOpen(Session session) {
            heard();
            onEvents(() -> opened(this, session));
        }

        @Override
        public void onWebSocketText(String text) {
            heard();
            HubMessage message;
            try {
                message = codec.decodeHub(text);
            } catch (ProtocolException e) {
                LOG.warn("ignored an invalid message from hub {}: {}", uri, e.getMessage());
                return;
            }
            onEvents(() -> received(this, message));
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            heard();
            callback.succeed();
            LOG.warn("ignored a binary frame from hub {}", uri);
        }

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            heard();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            try {
                onEvents(() -> dropped(this, "closed by the hub: " + statusCode + (reason == null ? "" : " " + reason)));
            } finally {
                callback.succeed();
            }
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            onEvents(() -> dropped(this, describe(cause)));
        }
    }

    /** Configures a {@link WebSocketTerminalTransport}. */
    public static final class Builder {
        private final URI uri;
        private final String token;
        private Duration minBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(15);
        private Duration pingInterval = Duration.ofSeconds(2);
        private Duration pongTimeout = Duration.ofSeconds(6);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int maxMessageBytes = 16 << 20;
        private int outboundQueueLimit = 10_000;
        private double sendRate = 160;
        private int sendBurst = 320;
        private KeyStoreFile trustStore;

        private Builder(URI uri, String token) {
            this.uri = Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException("hub address must be ws:// or wss://, got " + uri);
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a terminal token is required");
            }
            this.token = token;
        }

        /** Reconnect delays grow from {@code min} to {@code max} (250 ms and 15 s by default), with full jitter. */
        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = Objects.requireNonNull(min, "min");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Pings the hub every {@code interval} (2 s by default) and drops the connection when
         * nothing was heard for {@code timeout} (6 s by default, more than two pings).
         */
        public Builder keepAlive(Duration interval, Duration timeout) {
            if (timeout.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("the pong timeout must be longer than the ping interval, got "
                        + timeout + " and " + interval);
            }
            this.pingInterval = interval;
            this.pongTimeout = timeout;
            return this;
        }

        /** How long connecting and the upgrade may take; 5 s by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Largest message accepted from the hub (snapshots can be big); 16 MiB by default. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Messages that may wait to be written before the connection is dropped; 10,000 by default. */
        public Builder outboundQueueLimit(int outboundQueueLimit) {
            this.outboundQueueLimit = outboundQueueLimit;
            return this;
        }

        /**
         * Sends at most {@code messagesPerSecond} messages to the hub, in bursts of up to
         * {@code burst} (160 and 320 by default: 80 % of the hub's default {@link RateLimit}, so
         * that a terminal catching up on a long outbox is never rate limited). Messages over
         * the rate wait in the transport; raise both when the hub's limit is raised.
         */
        public Builder sendRate(double messagesPerSecond, int burst) {
            if (!(messagesPerSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("send rate needs messagesPerSecond > 0 and burst >= 1, got "
                        + messagesPerSecond + " and " + burst);
            }
            this.sendRate = messagesPerSecond;
            this.sendBurst = burst;
            return this;
        }

        /** Trusts the certificates in this store for {@code wss://} (otherwise the JVM's default trust). */
        public Builder trustStore(KeyStoreFile trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
            return this;
        }

        /** The transport, not yet connected: {@link #start} connects. */
        public WebSocketTerminalTransport build() {
            return new WebSocketTerminalTransport(this);
        }
    }
}
