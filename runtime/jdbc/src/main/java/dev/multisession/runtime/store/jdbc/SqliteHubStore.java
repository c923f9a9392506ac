package dev.multisession.runtime.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub store in one SQLite file: the embedded default, created with its schema on first
 * open, nothing to set up. For one hub node only (SQLite allows one writer per file).
 *
 * <p>All write transactions go through one connection, one at a time in arrival order; each
 * is {@code BEGIN IMMEDIATE} ... {@code COMMIT}, and with the default {@link SqliteSync#FULL}
 * the commit is on disk before {@link #inSession} returns. {@link #readLog} uses a second
 * connection, which the write-ahead log lets read while a write is in progress.
 */
public final class SqliteHubStore extends JdbcHubStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteHubStore.class);

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    // Fair so that a busy session cannot starve the others; SQLite has one writer anyway.
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantLock readLock = new ReentrantLock();
    private volatile boolean closed;

    private SqliteHubStore(Path file, Connection writer, Connection reader) {
        super(SqlDialect.SQLITE);
        this.file = file;
        this.writer = writer;
        this.reader = reader;
    }

    /** Opens (creating if needed) the store in {@code file} with {@link SqliteSync#FULL}. */
    public static SqliteHubStore open(Path file) {
        return open(file, SqliteSync.FULL);
    }

    /**
     * Opens (creating if needed) the store in {@code file}, its parent directories included,
     * and applies pending schema migrations.
     */
    public static SqliteHubStore open(Path file, SqliteSync sync) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sync, "sync");
        SqliteConnections connections = new SqliteConnections(file, sync);
        Connection writer = null;
        try {
            writer = connections.openWriter();
            int applied = new Migrations(SqlDialect.SQLITE).apply(writer);
            Connection reader = connections.openReader();
            LOG.info("hub store opened: SQLite {} (synchronous={}, {} migration(s) applied)",
                    connections.file(), sync, applied);
            return new SqliteHubStore(connections.file(), writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new StoreException("cannot open SQLite hub store " + connections.file() + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    Connection writeConnection() throws SQLException {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("inSession called inside inSession on the same thread");
        }
        writeLock.lock();
        if (closed) {
            writeLock.unlock();
            throw new IllegalStateException("hub store " + file + " is closed");
        }
        return writer;
    }

    @Override
    void releaseWriteConnection(Connection connection) {
        writeLock.unlock();
    }

    @Override
    Connection readConnection() {
        readLock.lock();
        if (closed) {
            readLock.unlock();
            throw new IllegalStateException("hub store " + file + " is closed");
        }
        return reader;
    }

    @Override
    void releaseReadConnection(Connection connection) {
        readLock.unlock();
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(reader);
            closeQuietly(writer);
            LOG.info("hub store closed: SQLite {}", file);
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing an SQLite connection failed", e);
        }
    }
}
