package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a session's head and open orders as the last commit left them, in one statement (one
 * snapshot on both databases, with no transaction to hold open) and without the session's lock:
 * no {@code FOR UPDATE}, no insert of a missing session.
 */
final class CommittedSessionQuery {

    /** The head on every row, the open orders joined to it (none: one row of nulls). */
    private static final String SELECT = "SELECT s.run_id, s.seq, s.last_order_number, s.log_floor, s.tag,"
            + " o.uid, o.revision, o.number, o.data, o.info, o.removed, o.finalized"
            + " FROM sessions s LEFT JOIN orders o ON o.session = s.session AND NOT o.removed"
            + " WHERE s.session = ? ORDER BY o.number, o.uid";

    /** The head alone, for a look at where a session stands (or whether it exists). */
    private static final String SELECT_HEAD = "SELECT run_id, seq, last_order_number, log_floor, tag FROM sessions"
            + " WHERE session = ?";

    private CommittedSessionQuery() {}

    static Optional<SessionHead> readHead(Connection connection, String session) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_HEAD)) {
            select.setString(1, session);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(head(rs)) : Optional.empty();
            }
        }
    }

    static Optional<CommittedSession> read(Connection connection, String session) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, session);
            try (ResultSet rs = select.executeQuery()) {
                SessionHead head = null;
                List<StoredOrder> orders = new ArrayList<>();
                while (rs.next()) {
                    if (head == null) {
                        head = head(rs);
                    }
                    String uid = rs.getString(6);
                    if (uid != null) {
                        order(rs, session, uid, orders);
                    }
                }
                return head == null ? Optional.empty() : Optional.of(new CommittedSession(head, orders));
            }
        }
    }

    /** The head in a row's first five columns. */
    private static SessionHead head(ResultSet rs) throws SQLException {
        return new SessionHead(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    private static void order(ResultSet rs, String session, String uid, List<StoredOrder> orders) throws SQLException {
        String data = rs.getString(9);
        try {
            orders.add(OrderRows.read(rs, 6));
        } catch (IllegalStateException unreadable) {
            UnreadableRows.quarantined(session, uid, data, unreadable); // left out, as from a snapshot
        }
    }
}
