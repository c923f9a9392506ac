package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalSchemaTest {
    @TempDir
    Path directory;

    private Connection writer() throws SQLException {
        return new SqliteConnections(directory.resolve("terminal.db"), SqliteSync.NORMAL).openWriter();
    }

    @Test
    void sqliteSplitsTheScriptSoTriggersAndLiteralsWithSemicolonsSurvive() throws SQLException {
        try (Connection connection = writer()) {
            assertEquals(1, new TerminalSchema("db/terminal-test", List.of("V1__counted_notes.sql")).apply(connection));
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO notes (text) VALUES ('second')");
                connection.commit();
                assertEquals("first line;\nsecond line;", single(statement, "SELECT text FROM notes WHERE id = 1"));
                assertEquals("2", single(statement, "SELECT n FROM note_count"));
            }
        }
    }

    @Test
    void aFailingScriptLeavesTheFileAsItWas() throws SQLException {
        try (Connection connection = writer()) {
            new TerminalSchema("db/terminal-test", List.of("V1__counted_notes.sql")).apply(connection);
            TerminalSchema both = new TerminalSchema("db/terminal-test", List.of("V1__counted_notes.sql", "V2__broken.sql"));
            assertThrows(SQLException.class, () -> both.apply(connection));
            try (Statement statement = connection.createStatement()) {
                assertEquals("1", single(statement, "SELECT COUNT(*) FROM notes"));
                assertEquals("1", single(statement, "SELECT MAX(version) FROM schema_version"));
            }
        }
    }

    @Test
    void aFileNewerThanTheCodeIsRefused() throws SQLException {
        try (Connection connection = writer()) {
            new TerminalSchema().apply(connection);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO schema_version VALUES (3, 'from the future', '2030-01-01T00:00:00Z')");
                connection.commit();
            }
            SQLException refused = assertThrows(SQLException.class, () -> new TerminalSchema().apply(connection));
            assertTrue(refused.getMessage().contains("version 3"), refused.getMessage());
        }
    }

    @Test
    void scriptsOutOfSequenceAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new TerminalSchema("db/terminal-test", List.of("V2__broken.sql")));
    }

    @Test
    void aTerminalFileMadeByTheEarlierRunnerOpensWithItsState() throws SQLException {
        Path file = directory.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            // what the line-based runner left behind: its version table and the V1 tables
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            statement.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY CHECK (id = 1), run_id INTEGER NOT NULL,"
                    + " last_seq INTEGER NOT NULL, last_mutation_id INTEGER NOT NULL)");
            statement.execute("CREATE TABLE confirmed_orders (uid TEXT PRIMARY KEY, revision INTEGER NOT NULL,"
                    + " number INTEGER NOT NULL, data TEXT NOT NULL, info TEXT NOT NULL)");
            statement.execute("CREATE TABLE outbox (mutation_id INTEGER PRIMARY KEY, message TEXT NOT NULL)");
            statement.execute("INSERT INTO schema_version VALUES (1, 'terminal', '2026-01-01T00:00:00Z')");
            statement.execute("INSERT INTO counters VALUES (1, 3, 41, 17)");
        }
        try (SqliteTerminalStore store = SqliteTerminalStore.open(file)) {
            TerminalState state = store.load();
            assertEquals(3, state.runId());
            assertEquals(41, state.lastSeq());
            assertEquals(17, state.lastMutationId());
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
