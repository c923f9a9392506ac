package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A hub database as the releases before Flyway left it: their own {@code schema_version} table
 * and the V1 tables, written out here as that runner ran them so that the test does not depend on
 * today's scripts. It holds one session at sequence 7 with one open order, number 3.
 */
final class LegacyHubDatabase {
    static final String SESSION = "legacy-session";
    static final String ORDER_UID = "legacy-order";

    private static final String SCHEMA_VERSION = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            + " description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private LegacyHubDatabase() {}

    /** Creates the old SQLite schema at {@code version} on {@code connection} (auto-commit on) and fills it. */
    static void createSqlite(Connection connection, int version) throws SQLException {
        run(connection, List.of(SCHEMA_VERSION,
                "CREATE TABLE sessions (session TEXT PRIMARY KEY, run_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
                        + " last_order_number INTEGER NOT NULL, log_floor INTEGER NOT NULL)",
                "CREATE TABLE orders (session TEXT NOT NULL, uid TEXT NOT NULL, revision INTEGER NOT NULL,"
                        + " number INTEGER NOT NULL, data TEXT NOT NULL, info TEXT NOT NULL, removed INTEGER NOT NULL,"
                        + " finalized INTEGER NOT NULL, PRIMARY KEY (session, uid))",
                "CREATE INDEX orders_open ON orders (session, number) WHERE NOT removed",
                "CREATE TABLE log (session TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,"
                        + " PRIMARY KEY (session, seq)) WITHOUT ROWID",
                "CREATE TABLE terminals (session TEXT NOT NULL, terminal TEXT NOT NULL,"
                        + " last_mutation_id INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (session, terminal))"
                        + " WITHOUT ROWID",
                "INSERT INTO orders VALUES ('" + SESSION + "', '" + ORDER_UID + "', 4, 3,"
                        + " '{\"uid\":\"" + ORDER_UID + "\",\"table\":\"T7\"}', '{}', 0, 0)"));
        fill(connection, version);
    }

    /** Creates the old PostgreSQL schema at {@code version} in {@code connection}'s current schema and fills it. */
    static void createPostgres(Connection connection, int version) throws SQLException {
        run(connection, List.of(SCHEMA_VERSION,
                "CREATE TABLE sessions (session TEXT PRIMARY KEY, run_id BIGINT NOT NULL, seq BIGINT NOT NULL,"
                        + " last_order_number BIGINT NOT NULL, log_floor BIGINT NOT NULL)",
                "CREATE TABLE orders (session TEXT NOT NULL, uid TEXT NOT NULL, revision BIGINT NOT NULL,"
                        + " number BIGINT NOT NULL, data JSONB NOT NULL, info JSONB NOT NULL, removed BOOLEAN NOT NULL,"
                        + " finalized BOOLEAN NOT NULL, PRIMARY KEY (session, uid))",
                "CREATE INDEX orders_open ON orders (session, number) WHERE NOT removed",
                "CREATE TABLE log (session TEXT NOT NULL, seq BIGINT NOT NULL, event TEXT NOT NULL,"
                        + " PRIMARY KEY (session, seq))",
                "CREATE TABLE terminals (session TEXT NOT NULL, terminal TEXT NOT NULL,"
                        + " last_mutation_id BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (session, terminal))",
                "INSERT INTO orders VALUES ('" + SESSION + "', '" + ORDER_UID + "', 4, 3,"
                        + " '{\"uid\":\"" + ORDER_UID + "\",\"table\":\"T7\"}', '{}', false, false)"));
        fill(connection, version);
    }

    private static void fill(Connection connection, int version) throws SQLException {
        run(connection, List.of(
                "INSERT INTO sessions VALUES ('" + SESSION + "', 2, 7, 3, 1)",
                "INSERT INTO log VALUES ('" + SESSION + "', 7, '{\"type\":\"order\"}')",
                "INSERT INTO terminals VALUES ('" + SESSION + "', 'bar', 11, 7)"));
        for (int v = 1; v <= version; v++) {
            run(connection, List.of("INSERT INTO schema_version VALUES (" + v + ", 'v" + v + "', '2026-01-01T00:00:00Z')"));
        }
    }

    private static void run(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
