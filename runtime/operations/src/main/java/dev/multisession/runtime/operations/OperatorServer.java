package dev.multisession.runtime.operations;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP server of a hub node, on a port of its own (never the terminals' port),
 * listening on {@code 127.0.0.1} unless told otherwise: {@code GET /metrics} for Prometheus and
 * the admin page at {@code /admin/}. Both are off until given; everything but the page's static
 * files needs the admin token ({@code Authorization: Bearer <token>}).
 *
 * <pre>{@code
 * OperatorServer operators = OperatorServer.builder()
 *         .port(9090)
 *         .adminToken(System.getenv("MULTISESSION_ADMIN_TOKEN"))
 *         .metrics(prometheusRegistry)
 *         .admin(new AdminConsole(hub, activity, "node-1", hubServer, tokens::revoke))
 *         .start();
 * }</pre>
 */
public final class OperatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final AdminEvents events;

    private OperatorServer(Server server, ServerConnector connector, AdminEvents events) {
        this.server = server;
        this.connector = connector;
        this.events = events;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port (the system's choice when built with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("the operator server did not stop cleanly", e);
        }
    }

    /** Configures and starts an {@link OperatorServer}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 9090;
        private AdminToken token;
        private PrometheusMeterRegistry metrics;
        private AdminConsole admin;

        private Builder() {}

        /** The interface to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for all. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The TCP port, 9090 by default; 0 lets the system choose. Must differ from the terminals' port. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The operators' token (required, at least 24 characters); only its hash is kept. */
        public Builder adminToken(String token) {
            this.token = AdminToken.of(token);
            return this;
        }

        /** Serves this registry's scrape at {@code /metrics}. */
        public Builder metrics(PrometheusMeterRegistry metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Serves the admin page at {@code /admin/}. */
        public Builder admin(AdminConsole admin) {
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /**
         * Binds and starts.
         *
         * @throws IllegalStateException without an admin token, with neither metrics nor admin
         *     page, or when the port cannot be bound
         */
        public OperatorServer start() {
            if (token == null) {
                throw new IllegalStateException("the operator server needs an admin token: call adminToken(...)");
            }
            if (metrics == null && admin == null) {
                throw new IllegalStateException("the operator server serves nothing: give metrics(...) or admin(...)");
            }
            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("hub-operators");
            Server server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(host);
            connector.setPort(port);
            server.addConnector(connector);
            AdminEvents events = admin == null ? null : new AdminEvents(admin);
            server.setHandler(new OperatorHandler(token, metrics, admin, events));
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                throw new IllegalStateException("cannot start the operator server on " + host + ":" + port + ": "
                        + e.getMessage(), e);
            }
            OperatorServer started = new OperatorServer(server, connector, events);
            LOG.info("operator server listening on {}:{} ({}{})", host, started.port(),
                    metrics == null ? "" : "metrics /metrics", admin == null ? "" : (metrics == null ? "" : ", ")
                            + "admin page /admin/");
            return started;
        }
    }
}
