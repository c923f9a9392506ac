package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.flow.Backoff;
import dev.multisession.runtime.flow.DaemonThreads;
import dev.multisession.runtime.flow.ReconnectLoop;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    // Three parts: a ReconnectLoop decides when to dial, the HubDialer dials through Jetty, and
    // each dial gets a TerminalSocket that turns Jetty's callbacks into listener calls.

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTerminalTransport.class);

    private final URI uri;
    private final Duration connectTimeout;
    private final TerminalSocket.Settings settings;
    private final HubDialer dialer;
    private final ReconnectLoop loop;
    /** Runs every listener call and every connection event, one at a time. */
    private final ExecutorService events;
    private final MessageCodec codec = MessageCodec.instance();

    /** Set once by {@link #start}, before the first attempt reads it. */
    private volatile Listener listener;
    /** The socket of the latest attempt; open or not, it answers {@link #send}. */
    private volatile TerminalSocket current;
    private volatile boolean closed;

    private WebSocketTerminalTransport(Builder builder) {
        this.uri = builder.uri;
        this.connectTimeout = builder.connectTimeout;
        this.settings = new TerminalSocket.Settings(uri, builder.pingInterval, builder.pongTimeout,
                builder.outboundQueueLimit, builder.sendRate, builder.sendBurst);
        // The keep-alive decides when the hub is gone; the idle timeout is only a backstop.
        this.dialer = new HubDialer(uri, builder.token, builder.trustStore, builder.maxMessageBytes, connectTimeout,
                builder.pongTimeout.plus(builder.pingInterval).multipliedBy(2));
        this.events = Executors.newSingleThreadExecutor(
                DaemonThreads.single("terminal-transport " + uri.getHost() + ":" + uri.getPort()));
        this.loop = ReconnectLoop.builder("hub " + uri, this::dial)
                .executor(events)
                .delays(Backoff.jittered(builder.minBackoff, builder.maxBackoff), builder.maxBackoff)
                .build();
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
        dialer.start();
        loop.start();
    }

    @Override
    public boolean send(ClientMessage message) {
        TerminalSocket socket = current;
        return socket != null && socket.isOpen() && socket.send(codec.encode(message));
    }

    /** Whether a connection to the hub is up right now. */
    public boolean isConnected() {
        TerminalSocket socket = current;
        return socket != null && socket.isOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.close();
        try {
            events.submit(() -> {
                TerminalSocket socket = current;
                if (socket != null) {
                    socket.close();
                }
            }).get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("closing the connection to {} did not finish in time", uri, e);
        }
        dialer.stop();
        events.shutdownNow();
    }

    /** One attempt of the reconnect loop, on the events thread. */
    private void dial(ReconnectLoop.Link link) {
        TerminalSocket socket = new TerminalSocket(link, events, listener, settings);
        current = socket;
        try {
            dialer.dial(socket).whenComplete((session, failure) -> {
                if (failure != null) {
                    socket.failedToConnect(failure);
                }
            });
        } catch (IOException | RuntimeException e) {
            socket.failedToConnect(e);
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
