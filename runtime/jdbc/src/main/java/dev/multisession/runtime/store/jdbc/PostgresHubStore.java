package dev.multisession.runtime.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.multisession.runtime.hub.spi.SessionHead;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub store in PostgreSQL, safe for several hub nodes on one database.
 *
 * <p>{@link #inSession} runs in READ COMMITTED and first locks the session's row
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, then {@code SELECT ... FOR UPDATE}); writers of
 * one session on any node queue on that lock, and each statement after it sees what the
 * previous holder committed, so revisions, order numbers and sequence numbers never lose an
 * update. A transaction that wrote anything also runs {@code pg_notify(channel, session)},
 * which PostgreSQL delivers to every listening node when, and only if, it commits. The
 * payload is the session id alone: nodes read the change itself from the log table.
 *
 * <p>Each store listens on its channel over a dedicated connection and passes the session
 * ids to the {@link #onRemoteCommit} callbacks. Its own commits are left out while one hub
 * listens ({@link OwnNotifications}): that hub broadcasts them from memory, and a poke would
 * only be a log read finding nothing new. Two hubs on one store instance hear each other's.
 *
 * <p>What one transaction of a batch of mutations sends: the lock ({@code SELECT ... FOR
 * UPDATE}), a read of each order and terminal cursor the batch touches, one JDBC batch per
 * kind of row written (orders, cursors, log events; pgjdbc's {@code reWriteBatchedInserts}
 * makes each one multi-row {@code INSERT}), the log's trim, then the head's update and the
 * notification in one statement, then the commit.
 */
public final class PostgresHubStore extends JdbcHubStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresHubStore.class);
    /** How long opening a connection beside the pool may take (connect and log in). */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** How long a readiness check may take: load balancers give their probes a few seconds. */
    private static final int READINESS_TIMEOUT_SECONDS = 2;
    /** The least socket timeout of the migrations' connections: a migration may rewrite a large table. */
    private static final int MIGRATION_SOCKET_TIMEOUT_SECONDS = 600;

    private final HikariDataSource pool;
    private final PgNotificationListener listener;
    private final ReadinessCheck readiness;
    private final String channel;
    private final String notifySql = "SELECT pg_notify(?, ?)";
    /** The head's update and the notification, one round trip ({@code WITH} runs the update whether read or not). */
    private final String updateHeadAndNotifySql = "WITH head AS (" + sql.updateHead + ") SELECT pg_notify(?, ?)";
    private final PgNotificationListener.ConnectionSource listenSource;
    private final OwnNotifications own = new OwnNotifications();
    private final AtomicInteger remoteCommitCallbacks = new AtomicInteger();

    private PostgresHubStore(HikariDataSource pool, PgNotificationListener listener, ReadinessCheck readiness,
            String channel, PgNotificationListener.ConnectionSource listenSource) {
        super(SqlDialect.POSTGRES);
        this.pool = pool;
        this.listener = listener;
        this.readiness = readiness;
        this.channel = channel;
        this.listenSource = listenSource;
    }

    /**
     * The terminals' tokens in this database, on this store's pool, shared by every node: a
     * revocation is notified on the channel {@code <notify channel>_tokens}. Close it before
     * this store.
     */
    public StoredTokens tokens() {
        return StoredTokens.postgres(new StoredTokens.Connections() {
            @Override
            public Connection take() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void give(Connection connection) {
                PostgresHubStore.close(connection);
            }

            @Override
            public void close() {
                // the pool is the hub store's
            }
        }, "PostgreSQL " + pool.getJdbcUrl(), channel, listenSource);
    }

    /** Starts configuring a store on the database at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db}). */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    @Override
    Connection writeConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    void releaseWriteConnection(Connection connection) {
        close(connection);
    }

    @Override
    Connection readConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    void releaseReadConnection(Connection connection) {
        try {
            connection.rollback(); // ends the read's transaction before the pool reuses the connection
        } catch (SQLException e) {
            LOG.debug("ending a read transaction failed", e);
        }
        close(connection);
    }

    @Override
    boolean defersHead() {
        return true;
    }

    @Override
    void beforeCommit(Connection connection, String session, SessionHead unsavedHead) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement(unsavedHead == null ? notifySql
                : updateHeadAndNotifySql)) {
            int i = 1;
            if (unsavedHead != null) {
                notify.setLong(i++, unsavedHead.runId());
                notify.setLong(i++, unsavedHead.seq());
                notify.setLong(i++, unsavedHead.lastOrderNumber());
                notify.setLong(i++, unsavedHead.logFloor());
                notify.setLong(i++, unsavedHead.tag());
                notify.setString(i++, session);
            }
            notify.setString(i++, channel);
            notify.setString(i, session);
            notify.execute();
        }
        own.sent(backendPid(connection), session);
    }

    @Override
    void commitFailed(Connection connection, String session) {
        try {
            own.withdrawn(backendPid(connection), session);
        } catch (SQLException e) {
            own.forget();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getBackendPID();
    }

    @Override
    public void onRemoteCommit(Consumer<String> session) {
        listener.addCallback(session);
        // one hub: its own commits are left out; a second hub on this store must hear the first's
        listener.leaveOut(remoteCommitCallbacks.incrementAndGet() == 1 ? own : null);
    }

    @Override
    public boolean reachable() {
        return readiness.reachable();
    }

    /** Whether the connection that hears other nodes' commits is up. */
    public boolean listening() {
        return listener.listening();
    }

    @Override
    public void close() {
        listener.close();
        pool.close();
        LOG.info("hub store closed: PostgreSQL {}", pool.getJdbcUrl());
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("returning a connection to the pool failed", e);
        }
    }

    /** Settings of a {@link PostgresHubStore}; {@link #open()} connects and migrates. */
    public static final class Builder {
        private final String jdbcUrl;
        private String user;
        private String password;
        private int poolSize = 10;
        private String channel = "multisession";
        private long connectionTimeoutMillis = 10_000;
        private Duration socketTimeout = Duration.ofSeconds(30);
        private Duration statementTimeout = Duration.ofSeconds(15);
        private Duration lockTimeout = Duration.ofSeconds(10);
        private Duration idleInTransactionTimeout = Duration.ofSeconds(5);

        private Builder(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl
                        + " (expected jdbc:postgresql://host:port/database)");
            }
        }

        /** The role and password to connect as (or put them in the URL). */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * Connections in the pool (default 10). One write transaction holds one for a few
         * milliseconds; the listener has its own connection on top.
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1, not " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /**
         * The NOTIFY channel (default {@code multisession}). Every node that shares the
         * database must use the same one; different hubs sharing one database in different
         * schemas can use different ones to avoid hearing each other.
         */
        public Builder notifyChannel(String channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** How long to wait for a free pooled connection before failing (default 10 s). */
        public Builder connectionTimeoutMillis(long millis) {
            this.connectionTimeoutMillis = millis;
            return this;
        }

        /**
         * How long a pooled connection waits for any answer from the server before it gives up
         * (pgjdbc {@code socketTimeout}; default 30 s, whole seconds, 0 for never): a node cut
         * off from PostgreSQL fails its transactions instead of hanging until TCP gives up.
         */
        public Builder socketTimeout(Duration timeout) {
            this.socketTimeout = seconds("socketTimeout", timeout);
            return this;
        }

        /** The server cancels a statement that runs longer ({@code statement_timeout}; default 15 s, 0 for never). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = nonNegative("statementTimeout", timeout);
            return this;
        }

        /**
         * The server fails a statement that waits longer for a lock ({@code lock_timeout};
         * default 10 s, 0 for never): a session locked by a node that hangs is not waited for
         * forever; the mutation is answered {@code internal} and its terminal retries.
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = nonNegative("lockTimeout", timeout);
            return this;
        }

        /**
         * The server ends a session that stays idle inside a transaction longer
         * ({@code idle_in_transaction_session_timeout}; default 5 s, 0 for never). A hub's
         * transaction never waits for anything but the database, so an idle one means its node
         * was cut off: ending it releases the session's row lock for the other nodes.
         */
        public Builder idleInTransactionTimeout(Duration timeout) {
            this.idleInTransactionTimeout = nonNegative("idleInTransactionTimeout", timeout);
            return this;
        }

        private static Duration nonNegative(String name, Duration timeout) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, not " + timeout);
            }
            return timeout;
        }

        private static Duration seconds(String name, Duration timeout) {
            nonNegative(name, timeout);
            if (timeout.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException(name + " is in whole seconds, not " + timeout);
            }
            return timeout;
        }

        /** The server-side limits every pooled connection sets when it starts ({@code options}). */
        String sessionOptions() {
            return "-c statement_timeout=" + statementTimeout.toMillis()
                    + " -c lock_timeout=" + lockTimeout.toMillis()
                    + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis();
        }

        /** Connects, applies pending schema migrations and starts listening. */
        public PostgresHubStore open() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(poolSize);
            config.setAutoCommit(false);
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            config.setConnectionTimeout(connectionTimeoutMillis);
            config.setPoolName("multisession-hub");
            config.addDataSourceProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
            config.addDataSourceProperty("options", sessionOptions());
            config.addDataSourceProperty("tcpKeepAlive", "true");
            // a batch of inserts as one multi-row INSERT: one statement for the server to run, not one per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new StoreException("cannot connect to PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
            }
            try {
                int applied = new HubMigrations(SqlDialect.POSTGRES).apply(unpooledDataSource());
                PgNotificationListener listener = new PgNotificationListener(
                        () -> openUnpooled("multisession-listen", CONNECT_TIMEOUT_SECONDS),
                        channel);
                listener.start();
                LOG.info("hub store opened: PostgreSQL {} (pool {}, channel {}, {} migration(s) applied)",
                        jdbcUrl, poolSize, channel, applied);
                ReadinessCheck readiness = new ReadinessCheck(
                        () -> openUnpooled("multisession-ready", READINESS_TIMEOUT_SECONDS), READINESS_TIMEOUT_SECONDS);
                return new PostgresHubStore(pool, listener, readiness, channel,
                        () -> openUnpooled("multisession-tokens", CONNECT_TIMEOUT_SECONDS));
            } catch (SQLException | RuntimeException e) {
                pool.close();
                throw new StoreException("cannot open PostgreSQL hub store at " + jdbcUrl + ": " + e.getMessage(), e);
            }
        }

        /**
         * Connections beside the pool for the migrations: Flyway holds one for its lock and
         * history while it migrates on another, which a pool of one could not give it.
         */
        private DataSource unpooledDataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(jdbcUrl);
            if (user != null) {
                dataSource.setUser(user);
            }
            if (password != null) {
                dataSource.setPassword(password);
            }
            dataSource.setApplicationName("multisession-migrate");
            // the migrations must not hang a starting node on a database that stopped answering
            dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
            dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
            dataSource.setSocketTimeout((int) Math.max(socketTimeout.toSeconds(), MIGRATION_SOCKET_TIMEOUT_SECONDS));
            dataSource.setTcpKeepAlive(true);
            return dataSource;
        }

        /**
         * A connection beside the pool (the LISTEN connection, readiness checks), with timeouts:
         * without them a connection to a database that stopped answering waits until TCP gives
         * up, hours later, and the node never learns that it stopped hearing the other nodes.
         */
        private Connection openUnpooled(String applicationName, int connectTimeoutSeconds) throws SQLException {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            properties.setProperty("ApplicationName", applicationName);
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
            properties.setProperty("loginTimeout", Integer.toString(connectTimeoutSeconds));
            properties.setProperty("socketTimeout", Long.toString(socketTimeout.toSeconds()));
            return DriverManager.getConnection(jdbcUrl, properties);
        }
    }
}
