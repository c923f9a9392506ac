package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Jetty server that exposes a hub to terminals over WebSocket: JSON text frames of
 * {@link dev.multisession.runtime.protocol.MessageCodec} at {@code /ws}, and {@code GET /health}.
 * Every terminal authenticates at the upgrade with its own token (see {@link TerminalTokens}).
 *
 * <pre>{@code
 * HubServer server = HubServer.builder()
 *         .port(8080)
 *         .hub(hub)
 *         .tokens(TerminalTokens.open(Path.of("tokens.json")))
 *         .start();
 * …
 * server.close();
 * }</pre>
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ServerWebSocketContainer container;
    private final String path;
    private final boolean secure;
    private final OpenSockets open;

    private HubServer(Server server, ServerConnector connector, ServerWebSocketContainer container, String path,
            boolean secure, OpenSockets open) {
        this.open = open;
        this.server = server;
        this.connector = connector;
        this.container = container;
        this.path = path;
        this.secure = secure;
    }

    /** A builder with the defaults: all interfaces, port 8080, {@code /ws}, {@link ConnectionLimits#DEFAULT}, no TLS. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port the server is bound to (the one the system chose when built with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The WebSocket address of this server as seen on the loopback interface, for tests and tools. */
    public URI loopbackUri() {
        return URI.create((secure ? "wss" : "ws") + "://localhost:" + port() + path);
    }

    /** Open terminal connections. */
    public int connections() {
        return container.getOpenSessions().size();
    }

    /**
     * Closes, with 1008 and a reason, every connection that authenticated with the token of this
     * SHA-256 (lowercase hex): what a hub does when it hears that a token was revoked, for
     * example from {@code StoredTokens.onRevoked(server::closeToken)}. Returns how many.
     */
    public int closeToken(String sha256) {
        int closed = open.closeToken(sha256, "token revoked");
        if (closed > 0) {
            LOG.info("closed {} connection(s) of a revoked token", closed);
        }
        return closed;
    }

    /** Closes, with 1008, every connection of this terminal on this server (it may reconnect); returns how many. */
    public int disconnect(TerminalIdentity terminal) {
        return open.closeTerminal(terminal, "disconnected by an operator");
    }

    /** Closes every connection (1001, going away) and stops listening. */
    @Override
    public void close() {
        try {
            server.stop();
            LOG.info("hub server on port {} stopped", connector.getPort());
        } catch (Exception e) {
            LOG.warn("hub server did not stop cleanly", e);
        }
    }

    /** Configures and starts a {@link HubServer}. */
    public static final class Builder {
        private String host;
        private int port = 8080;
        private String path = "/ws";
        private String healthPath = "/health";
        private HubEndpoint hub;
        private TokenStore tokens;
        private int maxMessageBytes = ConnectionLimits.DEFAULT.maxMessageBytes();
        private RateLimit rateLimit = ConnectionLimits.DEFAULT.rateLimit();
        private int outboundQueueLimit = ConnectionLimits.DEFAULT.outboundQueueLimit();
        private Duration idleTimeout = ConnectionLimits.DEFAULT.idleTimeout();
        private KeyStoreFile tls;
        private Duration stopTimeout = Duration.ofSeconds(5);
        private HubObserver observer = HubObserver.NONE;

        private Builder() {}

        /**
         * Told of messages this server refuses for the per-connection rate limit (the hub's
         * observer hears the rest); give the same observer as the hub's.
         */
        public Builder observer(HubObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** The interface to listen on, such as {@code 127.0.0.1}; all interfaces when not set. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The TCP port; 0 lets the system choose (read it back with {@link HubServer#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The WebSocket path, {@code /ws} by default. */
        public Builder path(String path) {
            this.path = requirePath(path, "path");
            return this;
        }

        /** The health check path, {@code /health} by default. */
        public Builder healthPath(String healthPath) {
            this.healthPath = requirePath(healthPath, "healthPath");
            return this;
        }

        /** The hub the connections are handed to (required). */
        public Builder hub(HubEndpoint hub) {
            this.hub = Objects.requireNonNull(hub, "hub");
            return this;
        }

        /** Where terminal tokens are checked (required). */
        public Builder tokens(TokenStore tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** Sets every per-connection limit at once (see {@link ConnectionLimits} for each). */
        public Builder limits(ConnectionLimits limits) {
            Objects.requireNonNull(limits, "limits");
            this.maxMessageBytes = limits.maxMessageBytes();
            this.rateLimit = limits.rateLimit();
            this.outboundQueueLimit = limits.outboundQueueLimit();
            this.idleTimeout = limits.idleTimeout();
            return this;
        }

        /** The largest text message (and frame) accepted; 1 MiB by default. Larger ones close with 1009. */
        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        /** Messages per second per connection; {@link RateLimit#DEFAULT} by default. */
        public Builder rateLimit(RateLimit rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        /** Messages that may wait for a slow reader before its connection is dropped; 10,000 by default. */
        public Builder outboundQueueLimit(int outboundQueueLimit) {
            this.outboundQueueLimit = outboundQueueLimit;
            return this;
        }

        /** How long a silent connection stays open; 60 seconds by default. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
            return this;
        }

        /** Serves {@code wss://} (TLS) with the certificate and key in this key store. */
        public Builder tls(KeyStoreFile keyStore) {
            this.tls = Objects.requireNonNull(keyStore, "keyStore");
            return this;
        }

        /** How long {@link HubServer#close()} waits for connections to close; 5 seconds by default. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws IllegalStateException if the hub or token store is missing, or the server cannot start
         *                               (port in use, unreadable key store)
         */
        public HubServer start() {
            if (hub == null) {
                throw new IllegalStateException("HubServer needs a hub: call hub(endpoint) before start()");
            }
            if (tokens == null) {
                throw new IllegalStateException("HubServer needs a token store: call tokens(store) before start()");
            }
            if (path.equals(healthPath)) {
                throw new IllegalStateException("the WebSocket path and the health path must differ, both are " + path);
            }
            ConnectionLimits limits = new ConnectionLimits(maxMessageBytes, rateLimit, outboundQueueLimit, idleTimeout);
            OpenSockets open = new OpenSockets();

            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("hub-server");
            Server server = new Server(threads);
            server.setStopTimeout(stopTimeout.toMillis());
            ServerConnector connector = connector(server, limits);
            server.addConnector(connector);

            ContextHandler context = new ContextHandler("/");
            WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> {
                container.setMaxTextMessageSize(limits.maxMessageBytes());
                container.setMaxBinaryMessageSize(limits.maxMessageBytes());
                container.setMaxFrameSize(limits.maxMessageBytes());
                container.setIdleTimeout(limits.idleTimeout());
                container.addMapping(path, new UpgradeAuthenticator(tokens, hub, limits, open, observer));
            });
            ServerWebSocketContainer container = upgrade.getServerWebSocketContainer();
            upgrade.setHandler(new HealthHandler(healthPath, () -> container.getOpenSessions().size(), hub::ready));
            context.setHandler(upgrade);
            server.setHandler(context);
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                throw new IllegalStateException("cannot start the hub server on " + (host == null ? "*" : host)
                        + ":" + port + ": " + e.getMessage(), e);
            }
            HubServer started = new HubServer(server, connector, container, path, tls != null, open);
            LOG.info("hub server listening on {}:{} (WebSocket {}{}, health {})", host == null ? "*" : host,
                    started.port(), tls == null ? "ws://" : "wss://", path, healthPath);
            return started;
        }

        private ServerConnector connector(Server server, ConnectionLimits limits) {
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector;
            if (tls == null) {
                connector = new ServerConnector(server, new HttpConnectionFactory(http));
            } else {
                SslContextFactory.Server ssl = new SslContextFactory.Server();
                ssl.setKeyStorePath(tls.path().toAbsolutePath().toString());
                ssl.setKeyStorePassword(tls.password());
                ssl.setKeyStoreType(tls.type());
                http.addCustomizer(new SecureRequestCustomizer());
                connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                        new HttpConnectionFactory(http));
            }
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(limits.idleTimeout().toMillis());
            return connector;
        }

        private static String requirePath(String value, String what) {
            if (value == null || !value.startsWith("/")) {
                throw new IllegalArgumentException(what + " must start with '/', got " + value);
            }
            return value;
        }
    }
}
