package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL channel over a dedicated connection (a pooled one would be
 * handed to others between polls and lose the {@code LISTEN}) and tells the registered
 * callbacks the session id each notification carries.
 *
 * <p>A notification sent while the connection was down is lost, so after every reconnect
 * each known session is poked once: a spurious poke costs the hub one empty log read, a
 * missed one would leave terminals on this node behind until the session's next change.
 */
final class PgNotificationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotificationListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    /** Opens a new, non-pooled connection to the database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private final String channel;
    private final List<Consumer<String>> callbacks = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final Object connectionGuard = new Object();
    private Connection connection;
    private volatile boolean running = true;
    private volatile boolean listening;

    PgNotificationListener(ConnectionSource source, String channel) {
        this.source = source;
        this.channel = channel;
        this.thread = new Thread(this::run, "multisession-pg-listen-" + channel);
        this.thread.setDaemon(true);
    }

    /** Connects and issues {@code LISTEN} before returning, so that no commit after it goes unheard. */
    void start() throws SQLException {
        synchronized (connectionGuard) {
            connection = listen();
        }
        listening = true;
        thread.start();
    }

    void addCallback(Consumer<String> callback) {
        callbacks.add(Objects.requireNonNull(callback, "callback"));
    }

    /** Whether the listening connection is up (for health checks and tests). */
    boolean listening() {
        return listening;
    }

    private void run() {
        long backoff = 100;
        boolean reconnected = false;
        while (running) {
            try {
                Connection current;
                synchronized (connectionGuard) {
                    if (connection == null) {
                        connection = listen();
                        reconnected = true;
                    }
                    current = connection;
                }
                listening = true;
                if (reconnected) {
                    LOG.info("listening on channel {} again; poking every session once", channel);
                    pokeEverySession(current);
                    reconnected = false;
                }
                backoff = 100;
                PGNotification[] notifications = current.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                listening = false;
                LOG.warn("listening on channel {} failed ({}); reconnecting in {} ms", channel, e.getMessage(), backoff);
                dropConnection();
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        dropConnection();
        listening = false;
    }

    private Connection listen() throws SQLException {
        Connection fresh = source.open();
        try (Statement statement = fresh.createStatement()) {
            fresh.setAutoCommit(true);
            statement.execute("LISTEN " + quoteIdentifier(channel));
            return fresh;
        } catch (SQLException e) {
            fresh.close();
            throw e;
        }
    }

    private void pokeEverySession(Connection current) throws SQLException {
        try (PreparedStatement select = current.prepareStatement("SELECT session FROM sessions");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                deliver(rs.getString(1));
            }
        }
    }

    private void deliver(String session) {
        for (Consumer<String> callback : callbacks) {
            try {
                callback.accept(session);
            } catch (RuntimeException e) {
                LOG.error("a remote-commit callback failed for session {}", session, e);
            }
        }
    }

    private void dropConnection() {
        synchronized (connectionGuard) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing the listening connection failed", e);
                }
                connection = null;
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(POLL_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropConnection();
    }
}
