package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.flow.Backoff;
import dev.multisession.runtime.flow.DaemonThreads;
import dev.multisession.runtime.flow.ReconnectLoop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL channel over a dedicated connection (a pooled one would be
 * handed to others between polls and lose the {@code LISTEN}) and tells the registered
 * callbacks the payload each notification carries (a session id; for the token channel, a
 * revoked token's hash). A {@link ReconnectLoop} re-opens the connection when it breaks; the
 * polling runs on the listener's one thread.
 *
 * <p>A notification sent while the connection was down is lost, so after every reconnect
 * every payload that may have been missed is delivered once ({@link Missed}): each known
 * session (a spurious poke costs the hub one empty log read, a missed one would leave terminals
 * on this node behind until the session's next change), or each token revoked since the last
 * revocation heard.
 */
final class PgNotificationListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgNotificationListener.class);
    private static final int POLL_MILLIS = 500;
    /**
     * Polls between two queries on the connection: waiting for notifications never notices a
     * database that stopped answering, a query does (within the connection's socket timeout).
     */
    private static final int POLLS_PER_HEARTBEAT = 20;
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Opens a new, non-pooled connection to the database. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource source;
    private final String channel;
    private final Missed missed;
    private final List<Consumer<String>> callbacks = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;
    private final ReconnectLoop loop;
    /** The connection {@link #start} opened, until the first attempt takes it over. */
    private volatile Connection opened;
    /** Notifications the store sent itself, left out; null: every notification is delivered. */
    private volatile OwnNotifications own;

    /** What may have been missed while the connection was down, delivered as payloads on the new connection. */
    @FunctionalInterface
    interface Missed {
        void deliver(Connection connection, Consumer<String> payloads) throws SQLException;
    }

    /** Listens for sessions' commits; after a reconnect, pokes every session. */
    PgNotificationListener(ConnectionSource source, String channel) {
        this(source, channel, PgNotificationListener::everySession);
    }

    /** Listens on {@code channel}; after a reconnect, delivers what {@code missed} finds. */
    PgNotificationListener(ConnectionSource source, String channel, Missed missed) {
        this.source = source;
        this.channel = channel;
        this.missed = missed;
        this.thread = Executors.newSingleThreadExecutor(DaemonThreads.single("multisession-pg-listen-" + channel));
        this.loop = ReconnectLoop.builder("PostgreSQL channel " + channel, this::listen)
                .executor(thread)
                .delays(Backoff.jittered(MIN_BACKOFF, MAX_BACKOFF), MAX_BACKOFF)
                .build();
    }

    /** Connects and issues {@code LISTEN} before returning, so that no commit after it goes unheard. */
    void start() throws SQLException {
        opened = openListening();
        loop.start();
    }

    void addCallback(Consumer<String> callback) {
        callbacks.add(Objects.requireNonNull(callback, "callback"));
    }

    /** Leaves out the notifications {@code own} recorded as the store's own (null: none). */
    void leaveOut(OwnNotifications own) {
        this.own = own;
    }

    /** Whether the listening connection is up (for health checks and tests). */
    boolean listening() {
        // until the listener's thread takes it over, the connection start() opened is the one listening
        return opened != null || loop.isConnected();
    }

    /**
     * One connection's life, on the listener's thread: take over the connection {@link #start}
     * opened or open a new one, poke every session if it is a new one, then poll until the
     * connection breaks or the listener closes.
     */
    private void listen(ReconnectLoop.Link link) throws SQLException {
        Connection taken = opened;
        opened = null;
        boolean reconnect = taken == null;
        try (Connection connection = reconnect ? openListening() : taken) {
            if (!link.connected()) {
                return;
            }
            if (reconnect) {
                OwnNotifications recorded = own;
                if (recorded != null) {
                    recorded.forget();
                }
                deliverMissed(connection);
            }
            PGConnection notifying = connection.unwrap(PGConnection.class);
            long polls = 0;
            while (link.active()) {
                PGNotification[] notifications = notifying.getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        OwnNotifications recorded = own;
                        if (recorded == null || !recorded.isOwn(notification.getPID(), notification.getParameter())) {
                            deliver(notification.getParameter());
                        }
                    }
                }
                if (++polls % POLLS_PER_HEARTBEAT == 0) {
                    heartbeat(connection);
                }
            }
        }
        // An SQLException leaves through the loop, which counts it as a drop: by then the
        // try-with-resources has closed the broken connection.
    }

    private static void heartbeat(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private Connection openListening() throws SQLException {
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

    private void deliverMissed(Connection connection) throws SQLException {
        missed.deliver(connection, this::deliver);
    }

    private static void everySession(Connection connection, Consumer<String> payloads) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT session FROM sessions");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                payloads.accept(rs.getString(1));
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

    static String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Stops listening: the poll in progress ends within {@code POLL_MILLIS} and closes the connection. */
    @Override
    public void close() {
        loop.close();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(POLL_MILLIS * 4L, TimeUnit.MILLISECONDS)) {
                LOG.warn("the listener on channel {} did not stop within {} ms", channel, POLL_MILLIS * 4L);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        Connection unused = opened;
        opened = null;
        closeUnused(unused);
    }

    /** A connection {@link #start} opened that no attempt took over (the listener closed first). */
    private static void closeUnused(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection failed", e);
            }
        }
    }
}
