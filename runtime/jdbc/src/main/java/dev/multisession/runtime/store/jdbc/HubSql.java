package dev.multisession.runtime.store.jdbc;

/** The statements of the hub store, written once for every {@link SqlDialect}. */
final class HubSql {
    final String createSession;
    final String lockHead;
    final String updateHead;
    final String selectOrder;
    final String selectOpenOrders;
    final String upsertOrder;
    final String deleteOrders;
    final String selectTerminal;
    final String upsertTerminal;
    final String insertLog;
    final String selectLog;
    final String selectLogged;
    final String trimLog;

    HubSql(SqlDialect dialect) {
        String json = dialect.jsonParameter();
        String orderColumns = "uid, revision, number, data, info, removed, finalized";
        createSession = "INSERT INTO sessions (session, run_id, seq, last_order_number, log_floor)"
                + " VALUES (?, 1, 0, 0, 0) ON CONFLICT (session) DO NOTHING";
        lockHead = "SELECT run_id, seq, last_order_number, log_floor, tag FROM sessions WHERE session = ?"
                + dialect.lockClause();
        updateHead = "UPDATE sessions SET run_id = ?, seq = ?, last_order_number = ?, log_floor = ?, tag = ?"
                + " WHERE session = ?";
        selectOrder = "SELECT " + orderColumns + " FROM orders WHERE session = ? AND uid = ?";
        selectOpenOrders = "SELECT " + orderColumns + " FROM orders WHERE session = ? AND NOT removed"
                + " ORDER BY number, uid";
        upsertOrder = "INSERT INTO orders (session, " + orderColumns + ")"
                + " VALUES (?, ?, ?, ?, " + json + ", " + json + ", ?, ?)"
                + " ON CONFLICT (session, uid) DO UPDATE SET revision = excluded.revision,"
                + " number = excluded.number, data = excluded.data, info = excluded.info,"
                + " removed = excluded.removed, finalized = excluded.finalized";
        deleteOrders = "DELETE FROM orders WHERE session = ?";
        selectTerminal = "SELECT last_mutation_id, seq FROM terminals WHERE session = ? AND terminal = ?";
        upsertTerminal = "INSERT INTO terminals (session, terminal, last_mutation_id, seq) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (session, terminal) DO UPDATE SET last_mutation_id = excluded.last_mutation_id,"
                + " seq = excluded.seq";
        insertLog = "INSERT INTO log (session, seq, event) VALUES (?, ?, ?)";
        selectLog = "SELECT event FROM log WHERE session = ? AND seq > ? ORDER BY seq LIMIT ?";
        selectLogged = "SELECT event FROM log WHERE session = ? AND seq = ?";
        trimLog = "DELETE FROM log WHERE session = ? AND seq <= ?";
    }
}
