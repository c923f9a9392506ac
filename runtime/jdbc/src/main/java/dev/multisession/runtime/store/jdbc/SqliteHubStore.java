package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.HubStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub store in one SQLite file: the embedded default, created with its schema on first
 * open, nothing to set up. For one hub node only (SQLite allows one writer per file).
 *
 * <p>All write transactions go through one connection; each is {@code BEGIN IMMEDIATE} ...
 * {@code COMMIT}, and with the default {@link SqliteSync#FULL} the commit is on disk before
 * {@link #inSession} returns. {@link #readLog} uses a second connection, which the write-ahead
 * log lets read while a write is in progress.
 *
 * <p><b>Group commit.</b> SQLite has one writer, so calls of {@link #inSession} that arrive
 * while another one holds the writer wait; the next thread to get it runs every waiting work,
 * of any session, in <em>one</em> transaction, and one commit (one fsync) makes all of them
 * durable before any of them returns. Each work runs inside its own {@code SAVEPOINT}: one that
 * throws is rolled back alone and its caller gets the exception, the others commit. A caller
 * therefore sees exactly what {@link HubStore#inSession} promises, only sooner under load.
 */
public final class SqliteHubStore extends JdbcHubStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteHubStore.class);

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    // Fair so that a busy session cannot starve the others; SQLite has one writer anyway.
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantLock readLock = new ReentrantLock();
    /** Work waiting for the writer; whoever holds the writer runs all of it in one transaction. */
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    /** Told of each token revoked through any {@link #tokens()} of this store. */
    private final List<Consumer<String>> revocationWatchers = new CopyOnWriteArrayList<>();

    /** Held while open: a second hub on the same file is refused at once. */
    private final HubFileLock fileLock;

    private SqliteHubStore(Path file, HubFileLock fileLock, Connection writer, Connection reader) {
        super(SqlDialect.SQLITE);
        this.file = file;
        this.fileLock = fileLock;
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
        HubFileLock fileLock = HubFileLock.take(connections.file());
        Connection writer = null;
        try {
            int applied = new HubMigrations(SqlDialect.SQLITE).apply(connections.dataSource());
            writer = connections.openWriter();
            Connection reader = connections.openReader();
            LOG.info("hub store opened: SQLite {} (synchronous={}, {} migration(s) applied)",
                    connections.file(), sync, applied);
            return new SqliteHubStore(connections.file(), fileLock, writer, reader);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            fileLock.close();
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StoreException("cannot open SQLite hub store " + connections.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean reachable() {
        readLock.lock();
        try {
            return !closed && reader.isValid(2);
        } catch (SQLException e) {
            return false;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * The terminals' tokens in this file, changed through this store's writer (SQLite lets one
     * process write, and a running hub holds the file): the command line opens the store to
     * change them while the hub is stopped; a running hub changes them through its own store.
     */
    public StoredTokens tokens() {
        return StoredTokens.sqlite(new StoredTokens.Connections() {
            @Override
            public Connection take() throws SQLException {
                return writeConnection();
            }

            @Override
            public void give(Connection connection) {
                releaseWriteConnection(connection);
            }

            @Override
            public void close() {
                // the writer is this store's
            }
        }, "SQLite " + file, revocationWatchers);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(work, "work");
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("inSession called inside inSession on the same thread");
        }
        Pending<R> mine = new Pending<>(session, work);
        waiting.add(mine);
        writeLock.lock();
        try {
            if (!mine.done) {
                // mine is still queued: nobody took it, so this thread leads the next group
                List<Pending<?>> group = new ArrayList<>();
                Pending<?> next;
                while ((next = waiting.poll()) != null) {
                    group.add(next);
                }
                runGroup(group);
            }
        } finally {
            writeLock.unlock();
        }
        return mine.outcome();
    }

    /** Runs each work in its own savepoint, then commits once; marks every one done. */
    private void runGroup(List<Pending<?>> group) {
        if (closed) {
            for (Pending<?> pending : group) {
                pending.fail(new IllegalStateException("hub store " + file + " is closed"));
            }
            return;
        }
        boolean alone = group.size() == 1;
        boolean anyCommitted = false;
        for (Pending<?> pending : group) {
            Savepoint savepoint = null;
            try {
                savepoint = alone ? null : writer.setSavepoint();
                pending.run(JdbcSessionTx.lock(writer, sql, pending.session));
                if (savepoint != null) {
                    writer.releaseSavepoint(savepoint);
                }
                anyCommitted = true;
            } catch (SQLException e) {
                pending.fail(new StoreException("transaction on session " + pending.session + " failed: "
                        + e.getMessage(), e));
            } catch (RuntimeException | Error e) {
                pending.fail(e);
            }
            if (pending.failure != null && !undo(savepoint, pending)) {
                failAll(group, pending.failure);
                return;
            }
        }
        try {
            if (anyCommitted) {
                writer.commit();
            } else {
                writer.rollback();
            }
        } catch (SQLException e) {
            failAll(group, new StoreException("cannot commit " + group.size() + " transaction(s): " + e.getMessage(), e));
            return;
        }
        for (Pending<?> pending : group) {
            pending.done = true;
        }
    }

    /** Rolls back one failed work (to its savepoint, or all of a lone work); false if that failed too. */
    private boolean undo(Savepoint savepoint, Pending<?> pending) {
        try {
            if (savepoint == null) {
                writer.rollback();
            } else {
                writer.rollback(savepoint);
                writer.releaseSavepoint(savepoint);
            }
            return true;
        } catch (SQLException e) {
            pending.failure.addSuppressed(e);
            return false;
        }
    }

    /** The whole transaction is lost: every work of the group fails, none is committed. */
    private void failAll(List<Pending<?>> group, Throwable cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        for (Pending<?> pending : group) {
            if (pending.failure == null) {
                pending.fail(cause instanceof RuntimeException || cause instanceof Error ? cause
                        : new StoreException(cause.getMessage(), cause));
            }
            pending.done = true;
        }
    }

    /** One caller's work and, once its group has committed or failed, its outcome. */
    private static final class Pending<R> {
        final String session;
        final SessionWork<R> work;
        R result;
        Throwable failure;
        // written by the group's leader before it releases the writer lock, read after taking it
        boolean done;

        Pending(String session, SessionWork<R> work) {
            this.session = session;
            this.work = work;
        }

        /** Runs the work and sends its last batched writes, so a failing write fails this work alone. */
        void run(JdbcSessionTx tx) {
            try {
                result = work.run(tx);
                tx.flush();
            } finally {
                tx.discard();
            }
        }

        void fail(Throwable cause) {
            failure = cause;
            result = null;
        }

        R outcome() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
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
            fileLock.close();
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
