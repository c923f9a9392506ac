package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.hub.spi.UnreadableOrderException;
import dev.multisession.runtime.protocol.HubMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One session's view inside a JDBC transaction that already holds the session's lock
 * ({@link #lock}). The head is read once under the lock and kept, since nobody else can change
 * it until the transaction ends.
 *
 * <p>Consecutive writes of the same statement (the orders, cursors and events a batch of
 * mutations left) go to the database as one JDBC batch, which a server database receives in
 * one round trip; the batch is sent before any other statement runs and by {@link #flush},
 * which the store calls before it commits, so reads and the order of writes are as if each
 * write had run at once. A batch never holds two upserts of the same row: with pgjdbc's
 * {@code reWriteBatchedInserts} a batch of inserts becomes one multi-row statement, in which
 * {@code ON CONFLICT DO UPDATE} may not touch a row twice, so a second write of a row first
 * sends the batch that holds the first.
 *
 * <p>A transaction opened with {@code deferHead} keeps the head it is given in memory instead of
 * writing it ({@link #unsavedHead}): the store writes it last, in the statement that also sends
 * its commit notification, one round trip fewer for every transaction.
 */
final class JdbcSessionTx implements SessionTx {
    private final Statements statements;
    private final HubSql sql;
    private final String session;
    private SessionHead head;
    private boolean written;
    /** The write statement whose batch has not been sent yet, or null. */
    private PreparedStatement batch;
    private String batchSql;
    /** The rows the batch upserts (an order's uid, a terminal's id). */
    private final Set<String> batchKeys = new HashSet<>();
    private final boolean deferHead;
    /** The head saved but not written yet (with {@code deferHead}), or null. */
    private SessionHead unsavedHead;

    private JdbcSessionTx(Statements statements, HubSql sql, String session, SessionHead head, boolean deferHead) {
        this.statements = statements;
        this.sql = sql;
        this.session = session;
        this.head = head;
        this.deferHead = deferHead;
    }

    /**
     * Locks the session for the rest of the transaction (a row lock on PostgreSQL; on SQLite the
     * transaction already holds the database's write lock), creating it first only when it is
     * new: a session that exists costs one statement, and a transaction that then only reads
     * writes nothing.
     */
    static JdbcSessionTx lock(Statements statements, HubSql sql, String session) throws SQLException {
        return lock(statements, sql, session, false);
    }

    /**
     * As {@link #lock(Statements, HubSql, String)}; with {@code deferHead} a saved head is kept
     * for the store to write ({@link #unsavedHead}).
     */
    static JdbcSessionTx lock(Statements statements, HubSql sql, String session, boolean deferHead)
            throws SQLException {
        SessionHead head = lockHead(statements, sql, session);
        if (head == null) {
            statements.use(sql.createSession, create -> {
                create.setString(1, session);
                return create.executeUpdate();
            });
            head = lockHead(statements, sql, session);
            if (head == null) {
                throw new SQLException("session " + session + " vanished while being locked");
            }
        }
        return new JdbcSessionTx(statements, sql, session, head, deferHead);
    }

    /** Drops writes still batched without sending them (the work failed; the transaction is rolled back). */
    void discard() {
        PreparedStatement pending = batch;
        batch = null;
        batchSql = null;
        batchKeys.clear();
        unsavedHead = null;
        if (pending != null) {
            statements.discard(pending);
        }
    }

    private static SessionHead lockHead(Statements statements, HubSql sql, String session) throws SQLException {
        return statements.use(sql.lockHead, select -> {
            select.setString(1, session);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new SessionHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)) : null;
            }
        });
    }

    /** Sends the writes still batched; the store calls it after the work, before it commits. */
    void flush() {
        PreparedStatement pending = batch;
        if (pending == null) {
            return;
        }
        batch = null;
        batchSql = null;
        batchKeys.clear();
        try {
            pending.executeBatch();
        } catch (SQLException e) {
            statements.discard(pending);
            throw failure("write", e);
        }
        statements.release(pending);
    }

    /**
     * The head saved by the work and not written yet: only with {@code deferHead}, where the
     * store writes it after {@link #flush}; null if the work saved none.
     */
    SessionHead unsavedHead() {
        return unsavedHead;
    }

    /** Whether the work changed anything (only then do other hub nodes need a poke). */
    boolean written() {
        return written;
    }

    @Override
    public SessionHead head() {
        return head;
    }

    @Override
    public void saveHead(SessionHead newHead) {
        Objects.requireNonNull(newHead, "head");
        if (deferHead) {
            // one row, read by nobody inside the transaction: only its last value matters
            unsavedHead = newHead;
            written = true;
            head = newHead;
            return;
        }
        update(sql.updateHead, newHead.runId(), newHead.seq(), newHead.lastOrderNumber(), newHead.logFloor(),
                newHead.tag(), session);
        head = newHead;
    }

    @Override
    public Optional<StoredOrder> order(String uid) {
        Objects.requireNonNull(uid, "uid");
        List<StoredOrder> found = orders(sql.selectOrder, uid);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<StoredOrder> openOrders() {
        return orders(sql.selectOpenOrders, null);
    }

    @Override
    public void saveOrder(StoredOrder order) {
        Objects.requireNonNull(order, "order");
        upsert(order.uid(), sql.upsertOrder, session, order.uid(), order.revision(), order.number(),
                JsonColumns.write(order.data()), JsonColumns.write(order.info()), order.removed(), order.finalized());
    }

    @Override
    public void deleteAllOrders() {
        update(sql.deleteOrders, session);
    }

    @Override
    public TerminalCursor terminal(String terminalId) {
        Objects.requireNonNull(terminalId, "terminalId");
        flush();
        return read(sql.selectTerminal, "read terminal " + terminalId, select -> {
            select.setString(1, session);
            select.setString(2, terminalId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new TerminalCursor(rs.getLong(1), rs.getLong(2)) : TerminalCursor.NONE;
            }
        });
    }

    @Override
    public void saveTerminal(String terminalId, TerminalCursor cursor) {
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(cursor, "cursor");
        upsert(terminalId, sql.upsertTerminal, session, terminalId, cursor.lastMutationId(), cursor.seq());
    }

    @Override
    public void appendLog(HubMessage.Event event) {
        Objects.requireNonNull(event, "event");
        update(sql.insertLog, session, event.seq(), JsonColumns.writeEvent(event));
    }

    @Override
    public void trimLog(long seq) {
        update(sql.trimLog, session, seq);
    }

    @Override
    public OptionalLong loggedTag(long seq) {
        flush();
        return read(sql.selectLogged, "read logged event " + seq, select -> {
            select.setString(1, session);
            select.setLong(2, seq);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(JsonColumns.readEvent(rs.getString(1)).tag()) : OptionalLong.empty();
            }
        });
    }

    private List<StoredOrder> orders(String query, String uid) {
        flush();
        return read(query, uid == null ? "read open orders" : "read order " + uid, select -> {
            select.setString(1, session);
            if (uid != null) {
                select.setString(2, uid);
            }
            try (ResultSet rs = select.executeQuery()) {
                List<StoredOrder> orders = new ArrayList<>();
                while (rs.next()) {
                    String orderUid = rs.getString(1);
                    String data = rs.getString(4);
                    StoredOrder order;
                    try {
                        order = OrderRows.read(rs, 1);
                    } catch (IllegalStateException unreadable) {
                        UnreadableRows.quarantined(session, orderUid, data, unreadable);
                        if (uid != null) {
                            // an edit must not take the order for new and overwrite the row
                            throw new UnreadableOrderException("order " + uid + " of session " + session
                                    + " cannot be read from the hub's store and is quarantined", unreadable);
                        }
                        continue; // a snapshot goes on without it
                    }
                    orders.add(order);
                }
                return orders;
            }
        });
    }

    /** Runs {@code query} on a statement for {@code statement}; {@code what} names the read in a failure. */
    private <R> R read(String statement, String what, Statements.Use<R> query) {
        try {
            return statements.use(statement, query);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** As {@link #update}, for a statement that upserts the row {@code key}: never twice in one batch. */
    private void upsert(String key, String statement, Object... parameters) {
        if (!statement.equals(batchSql) || batchKeys.contains(key)) {
            flush();
        }
        update(statement, parameters);
        batchKeys.add(key);
    }

    /** Adds a write to the batch of its statement, sending the previous batch first if it was another statement. */
    private void update(String statement, Object... parameters) {
        if (!statement.equals(batchSql)) {
            flush();
        }
        try {
            if (batch == null) {
                batch = statements.prepare(statement);
                batchSql = statement;
            }
            for (int i = 0; i < parameters.length; i++) {
                batch.setObject(i + 1, parameters[i]);
            }
            batch.addBatch();
            written = true;
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in session " + session + ": " + e.getMessage(), e);
    }
}
