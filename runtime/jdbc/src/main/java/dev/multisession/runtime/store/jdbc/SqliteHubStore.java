package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.HubStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * <p><b>Group commit.</b> SQLite has one writer, so the store writes on one thread of its own
 * ({@code multisession-sqlite-writer}) with a queue in front of it. {@link #inSessionAsync}
 * queues a work and returns; {@link #inSession} queues it and waits. Whenever the writer is
 * free it takes every work queued, of any number of sessions, runs them in <em>one</em>
 * transaction and commits once (one fsync), then completes them all. Each work runs inside its
 * own {@code SAVEPOINT}: one that throws is rolled back alone and its caller gets the exception,
 * the others commit. A caller therefore sees exactly what {@link HubStore#inSession} promises,
 * only sooner under load; and as a hub's batch waiting for its commit holds no hub thread, one
 * commit carries the batches of every session waiting, however many threads the hub has.
 * {@link #commits()} and {@link #committedCalls()} count what the groups carried.
 *
 * <p>Closing commits what is already queued, then refuses work.
 */
public final class SqliteHubStore extends JdbcHubStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteHubStore.class);

    private final Path file;
    private final Connection writer;
    /** The writer's statements, kept for reuse: used under {@link #writeLock} only. */
    private final Statements.Reused writerStatements;
    private final Connection reader;
    // Fair so that a busy session cannot starve the others; SQLite has one writer anyway.
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ReentrantLock readLock = new ReentrantLock();
    /** The writer thread, which runs everything queued in one transaction. */
    private final CommitQueue commits;
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
        this.writerStatements = Statements.reused(writer);
        this.reader = reader;
        this.commits = new CommitQueue(file.toString(), new GroupCommit(writer, writerStatements, sql), writeLock);
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
        CompletableFuture<R> outcome = inSessionAsync(session, work);
        try {
            return outcome.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Queues {@code work} for the writer thread and returns at once; see the class's comment.
     * Called on the writer thread outside a transaction (a continuation of a committed one that
     * runs there), it runs the work at once, as a transaction of its own.
     */
    @Override
    public <R> CompletableFuture<R> inSessionAsync(String session, SessionWork<R> work) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(work, "work");
        if (commits.inGroup() || writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("inSession called inside inSession on the same thread");
        }
        if (commits.onWriterThread()) {
            return commits.runHere(session, work);
        }
        return commits.submit(session, work);
    }

    /** Calls waiting for the writer's next transaction (for tests). */
    int queuedCalls() {
        return commits.queued();
    }

    /** Transactions committed since this store was opened: with {@link SqliteSync#FULL}, one fsync each. */
    public long commits() {
        return commits.commits();
    }

    /** Store calls ({@link #inSession}, {@link #inSessionAsync}) committed since this store was opened, over all {@link #commits()}. */
    public long committedCalls() {
        return commits.committedWorks();
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
    Statements statements(Connection connection) {
        return connection == writer ? writerStatements : super.statements(connection);
    }

    /** Statements the writer connection prepared so far (for tests). */
    int writerPrepares() {
        return writerStatements.prepares();
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
        commits.close(); // what is queued is committed first
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(reader);
            writerStatements.close();
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
