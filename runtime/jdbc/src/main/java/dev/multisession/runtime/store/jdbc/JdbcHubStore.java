package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.protocol.HubMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of a hub store that the SQL databases share: a session's transaction is the
 * lock-and-read of its head, the caller's work, then commit (or rollback on any throwable).
 * Subclasses say where connections come from and what happens just before commit.
 */
abstract class JdbcHubStore implements HubStore {
    final HubSql sql;

    JdbcHubStore(SqlDialect dialect) {
        this.sql = new HubSql(dialect);
    }

    /** A connection for a write transaction, auto-commit off, exclusive to the caller until released. */
    abstract Connection writeConnection() throws SQLException;

    /** Gives back a connection from {@link #writeConnection}, committed or rolled back. */
    abstract void releaseWriteConnection(Connection connection);

    /** A connection for one read outside any session lock, released with {@link #releaseReadConnection}. */
    abstract Connection readConnection() throws SQLException;

    abstract void releaseReadConnection(Connection connection);

    /**
     * Where a session's transaction on {@code connection} (from {@link #writeConnection}) gets its
     * statements: prepared per use, unless the store keeps those of the connection.
     */
    Statements statements(Connection connection) {
        return Statements.perUse(connection);
    }

    /** Whether a session's transaction keeps its saved head for {@link #beforeCommit} to write. */
    boolean defersHead() {
        return false;
    }

    /**
     * Runs inside the transaction after the work, before commit, when the work wrote something.
     * {@code unsavedHead} is the head the work saved when {@link #defersHead}, to be written
     * here; otherwise (or if the work saved none) null.
     */
    void beforeCommit(Connection connection, String session, SessionHead unsavedHead) throws SQLException {
        if (unsavedHead != null) {
            throw new IllegalStateException("a store that defers the head must write it before commit");
        }
    }

    /** The commit after {@link #beforeCommit} failed (the transaction is rolled back, or its fate unknown). */
    void commitFailed(Connection connection, String session) {}

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(work, "work");
        Connection connection;
        try {
            connection = writeConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot get a database connection for session " + session, e);
        }
        try {
            R result;
            try {
                JdbcSessionTx tx = JdbcSessionTx.lock(statements(connection), sql, session, defersHead());
                SessionHead unsavedHead;
                boolean written;
                try {
                    result = work.run(tx);
                    tx.flush();
                    unsavedHead = tx.unsavedHead();
                    written = tx.written();
                } finally {
                    tx.discard();
                }
                if (written) {
                    beforeCommit(connection, session, unsavedHead);
                }
            } catch (SQLException e) {
                throw rollback(connection, new StoreException("transaction on session " + session + " failed: " + e.getMessage(), e));
            } catch (RuntimeException e) {
                throw rollback(connection, e);
            } catch (Error e) {
                throw rollback(connection, e);
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                commitFailed(connection, session);
                throw rollback(connection, new StoreException("cannot commit session " + session + ": " + e.getMessage(), e));
            }
            return result;
        } finally {
            releaseWriteConnection(connection);
        }
    }

    @Override
    public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
        Objects.requireNonNull(session, "session");
        if (limit <= 0) {
            return List.of();
        }
        Connection connection = null;
        try {
            connection = readConnection();
            try (PreparedStatement select = connection.prepareStatement(sql.selectLog)) {
                select.setString(1, session);
                select.setLong(2, afterSeq);
                select.setInt(3, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<HubMessage.Event> events = new ArrayList<>();
                    while (rs.next()) {
                        events.add(JsonColumns.readEvent(rs.getString(1)));
                    }
                    return events;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the log of session " + session + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                releaseReadConnection(connection);
            }
        }
    }

    @Override
    public Optional<CommittedSession> readCommitted(String session) {
        return readSession(session, CommittedSessionQuery::read);
    }

    @Override
    public Optional<SessionHead> readHead(String session) {
        return readSession(session, CommittedSessionQuery::readHead);
    }

    /** A read of one session's committed rows. */
    @FunctionalInterface
    private interface SessionRead<T> {
        T read(Connection connection, String session) throws SQLException;
    }

    /** Runs {@code read} on the read connection, outside any write lock. */
    private <T> T readSession(String session, SessionRead<T> read) {
        Objects.requireNonNull(session, "session");
        Connection connection = null;
        try {
            connection = readConnection();
            return read.read(connection, session);
        } catch (SQLException e) {
            throw new StoreException("cannot read session " + session + ": " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                releaseReadConnection(connection);
            }
        }
    }

    private static <T extends Throwable> T rollback(Connection connection, T cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }
}
