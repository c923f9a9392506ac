package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a session's transaction gets its prepared statements, and gives them back.
 *
 * <p>SQLite compiles a statement on every prepare. When one commit carries the works of a
 * thousand sessions, each work preparing its five statements again cost the writer thread a
 * fifth of its time, so the SQLite store keeps its writer connection's statements for reuse
 * ({@link #reused}). On PostgreSQL the driver already keeps parsed and server-prepared
 * statements per connection, and connections go back to a pool, so a statement there is
 * prepared and closed per use ({@link #perUse}).
 */
abstract class Statements {

    private Statements() {}

    /** A statement for {@code sql}, its parameters unset, for the caller alone until it gives it back. */
    abstract PreparedStatement prepare(String sql) throws SQLException;

    /** The caller is done with {@code statement}: its result sets are closed, its batch sent. */
    abstract void release(PreparedStatement statement);

    /**
     * The caller gives {@code statement} back in a state nobody should rely on (a failure, or a
     * batch that was never sent): it is closed and never handed out again.
     */
    abstract void discard(PreparedStatement statement);

    /** What a caller does with a statement; may throw what JDBC throws. */
    interface Use<R> {
        R run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs {@code use} on a statement for {@code sql} and gives the statement back; if {@code use}
     * throws, discards the statement and rethrows.
     */
    final <R> R use(String sql, Use<R> use) throws SQLException {
        PreparedStatement statement = prepare(sql);
        R result;
        try {
            result = use.run(statement);
        } catch (SQLException | RuntimeException | Error e) {
            discard(statement);
            throw e;
        }
        release(statement);
        return result;
    }

    /** Prepares every statement on {@code connection} anew and closes it when given back. */
    static Statements perUse(Connection connection) {
        return new PerUse(connection);
    }

    /**
     * Keeps the statements of {@code connection} for reuse, one per SQL text, until {@link
     * Reused#close}. For a connection used by one thread at a time (the caller's lock says so).
     */
    static Reused reused(Connection connection) {
        return new Reused(connection);
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // nothing of it is used again; the connection frees it at the latest when it closes
        }
    }

    private static final class PerUse extends Statements {
        private final Connection connection;

        PerUse(Connection connection) {
            this.connection = connection;
        }

        @Override
        PreparedStatement prepare(String sql) throws SQLException {
            return connection.prepareStatement(sql);
        }

        @Override
        void release(PreparedStatement statement) {
            closeQuietly(statement);
        }

        @Override
        void discard(PreparedStatement statement) {
            closeQuietly(statement);
        }
    }

    /** The statements of one connection, kept by SQL text. */
    static final class Reused extends Statements implements AutoCloseable {
        private final Connection connection;
        private final Map<String, PreparedStatement> kept = new HashMap<>();
        /** Kept statements handed out and not given back: a second prepare of the same text gets a fresh one. */
        private final Set<PreparedStatement> inUse = new HashSet<>();
        private int prepares;

        private Reused(Connection connection) {
            this.connection = connection;
        }

        @Override
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = kept.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepares++;
                kept.put(sql, statement);
            } else if (inUse.contains(statement)) {
                prepares++;
                return connection.prepareStatement(sql); // not kept: closed when given back
            }
            inUse.add(statement);
            return statement;
        }

        @Override
        void release(PreparedStatement statement) {
            if (!inUse.remove(statement)) {
                closeQuietly(statement);
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException e) {
                evict(statement);
            }
        }

        @Override
        void discard(PreparedStatement statement) {
            if (inUse.remove(statement)) {
                evict(statement);
            } else {
                closeQuietly(statement);
            }
        }

        private void evict(PreparedStatement statement) {
            kept.values().remove(statement);
            closeQuietly(statement);
        }

        /** Statements prepared so far, kept or not (for tests). */
        int prepares() {
            return prepares;
        }

        /** Closes every kept statement; later prepares start again. */
        @Override
        public void close() {
            for (PreparedStatement statement : kept.values()) {
                closeQuietly(statement);
            }
            kept.clear();
            inUse.clear();
        }
    }
}
