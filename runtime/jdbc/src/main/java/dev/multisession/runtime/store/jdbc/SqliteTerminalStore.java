package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal's durable state in its own SQLite file, created on first open: the counters,
 * the confirmed orders and the outbox. Each {@link #write} is one transaction, on disk
 * ({@link SqliteSync#FULL} by default) before it returns, so a terminal killed at any moment
 * restarts with every edit it had queued.
 */
public final class SqliteTerminalStore implements TerminalStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteTerminalStore.class);
    private static final MessageCodec CODEC = MessageCodec.instance();

    private final Path file;
    private final Connection connection;
    private boolean closed;

    private SqliteTerminalStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the terminal's state in {@code file} with {@link SqliteSync#FULL}. */
    public static SqliteTerminalStore open(Path file) {
        return open(file, SqliteSync.FULL);
    }

    /** Opens (creating if needed, parent directories included) the terminal's state in {@code file}. */
    public static SqliteTerminalStore open(Path file, SqliteSync sync) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sync, "sync");
        SqliteConnections connections = new SqliteConnections(file, sync);
        Connection connection = null;
        try {
            connection = connections.openWriter();
            new TerminalSchema().apply(connection);
            LOG.debug("terminal store opened: SQLite {}", connections.file());
            return new SqliteTerminalStore(connections.file(), connection);
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new StoreException("cannot open SQLite terminal store " + connections.file() + ": " + e.getMessage(), e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized TerminalState load() {
        checkOpen();
        try {
            long runId = 0;
            long lastSeq = 0;
            long lastMutationId = 0;
            long lastTag = 0;
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery(
                        "SELECT run_id, last_seq, last_mutation_id, last_tag FROM counters")) {
                    if (rs.next()) {
                        runId = rs.getLong(1);
                        lastSeq = rs.getLong(2);
                        lastMutationId = rs.getLong(3);
                        lastTag = rs.getLong(4);
                    }
                }
                List<HubMessage.OrderState> confirmed = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT uid, revision, number, data, info FROM confirmed_orders ORDER BY rowid")) {
                    while (rs.next()) {
                        confirmed.add(new HubMessage.OrderState(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                JsonColumns.readObject(rs.getString(4), "confirmed_orders.data"),
                                JsonColumns.readObject(rs.getString(5), "confirmed_orders.info")));
                    }
                }
                List<ClientMessage> outbox = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT message FROM outbox ORDER BY mutation_id")) {
                    while (rs.next()) {
                        outbox.add(decodeOutboxEntry(rs.getString(1)));
                    }
                }
                connection.commit();
                return new TerminalState(runId, lastSeq, lastMutationId, confirmed, outbox, lastTag);
            }
        } catch (SQLException e) {
            throw rollback("read", e);
        }
    }

    @Override
    public synchronized void write(TerminalWrite write) {
        Objects.requireNonNull(write, "write");
        checkOpen();
        try {
            // Same order as the in-memory store: counters, clear, delete, put, dequeue, enqueue.
            try (PreparedStatement counters = connection.prepareStatement(
                    "INSERT INTO counters (id, run_id, last_seq, last_mutation_id, last_tag) VALUES (1, ?, ?, ?, ?)"
                            + " ON CONFLICT (id) DO UPDATE SET run_id = excluded.run_id, last_seq = excluded.last_seq,"
                            + " last_mutation_id = excluded.last_mutation_id, last_tag = excluded.last_tag")) {
                counters.setLong(1, write.runId());
                counters.setLong(2, write.lastSeq());
                counters.setLong(3, write.lastMutationId());
                counters.setLong(4, write.lastTag());
                counters.executeUpdate();
            }
            if (write.clearOrders()) {
                try (Statement clear = connection.createStatement()) {
                    clear.executeUpdate("DELETE FROM confirmed_orders");
                }
            }
            if (!write.deleteOrders().isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM confirmed_orders WHERE uid = ?")) {
                    for (String uid : write.deleteOrders()) {
                        delete.setString(1, uid);
                        delete.executeUpdate();
                    }
                }
            }
            if (!write.putOrders().isEmpty()) {
                try (PreparedStatement put = connection.prepareStatement(
                        "INSERT INTO confirmed_orders (uid, revision, number, data, info) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (uid) DO UPDATE SET revision = excluded.revision,"
                                + " number = excluded.number, data = excluded.data, info = excluded.info")) {
                    for (HubMessage.OrderState order : write.putOrders()) {
                        put.setString(1, order.order());
                        put.setLong(2, order.revision());
                        put.setLong(3, order.number());
                        put.setString(4, JsonColumns.write(order.data()));
                        put.setString(5, JsonColumns.write(order.info()));
                        put.executeUpdate();
                    }
                }
            }
            if (!write.dequeue().isEmpty()) {
                try (PreparedStatement dequeue = connection.prepareStatement("DELETE FROM outbox WHERE mutation_id = ?")) {
                    for (Long id : write.dequeue()) {
                        dequeue.setLong(1, id);
                        dequeue.executeUpdate();
                    }
                }
            }
            if (!write.enqueue().isEmpty()) {
                try (PreparedStatement enqueue = connection.prepareStatement(
                        "INSERT INTO outbox (mutation_id, message) VALUES (?, ?)"
                                + " ON CONFLICT (mutation_id) DO UPDATE SET message = excluded.message")) {
                    for (ClientMessage entry : write.enqueue()) {
                        enqueue.setLong(1, TerminalWrite.mutationId(entry));
                        enqueue.setString(2, CODEC.encode(entry));
                        enqueue.executeUpdate();
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw rollback("write", e);
        } catch (RuntimeException e) {
            throw rollback(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing terminal store {} failed", file, e);
        }
    }

    private static ClientMessage decodeOutboxEntry(String json) {
        try {
            return CODEC.decodeClient(json);
        } catch (ProtocolException e) {
            throw new IllegalStateException("outbox holds a message that no longer decodes: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("terminal store " + file + " is closed");
        }
    }

    private StoreException rollback(String what, SQLException e) {
        return rollback(new StoreException("cannot " + what + " terminal store " + file + ": " + e.getMessage(), e));
    }

    private <T extends RuntimeException> T rollback(T cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        return cause;
    }
}
