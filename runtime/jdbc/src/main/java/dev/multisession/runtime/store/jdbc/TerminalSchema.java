package dev.multisession.runtime.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a terminal's SQLite file up to date when the terminal starts. The hub's databases use
 * Flyway ({@link HubMigrations}); a terminal does not, because Flyway adds over half a second to
 * a cold start (docs/BENCHMARKS.md, "Terminal start-up") for a file that only its own terminal
 * ever opens: no concurrent migrators, no operator repairing it by hand.
 *
 * <p>The scripts are {@code db/terminal/V<n>__<what>.sql}, named in {@link #SCRIPTS}, and keep
 * Flyway's naming so that they could move to it unchanged. Each script goes to SQLite whole (the
 * driver hands a multi-statement text to {@code sqlite3_exec}), so SQLite's own parser splits it:
 * triggers, string literals and comments containing {@code ;} are safe. Table
 * {@code schema_version} records the versions applied; all pending ones run in one transaction.
 */
final class TerminalSchema {
    /** The terminal's migrations, oldest first; version n is the n-th. */
    static final List<String> SCRIPTS = List.of("V1__terminal.sql", "V2__event_tag.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final String directory;
    private final List<String> scripts;

    /** The terminal's own migrations. */
    TerminalSchema() {
        this("db/terminal", SCRIPTS);
    }

    /** {@code scripts}, oldest first, from {@code directory} on the class path. */
    TerminalSchema(String directory, List<String> scripts) {
        for (int i = 0; i < scripts.size(); i++) {
            Matcher matcher = NAME.matcher(scripts.get(i));
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != i + 1) {
                throw new IllegalArgumentException("terminal migration " + scripts.get(i) + " should be named V"
                        + (i + 1) + "__<what>.sql");
            }
        }
        this.directory = directory;
        this.scripts = List.copyOf(scripts);
    }

    /**
     * Applies the scripts the file lacks on {@code connection} (auto-commit off) and commits.
     * Returns the number applied.
     *
     * @throws SQLException if a script fails (nothing is applied) or the file is newer than this code
     */
    int apply(Connection connection) throws SQLException {
        try {
            int applied = applyPending(connection);
            connection.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private int applyPending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > scripts.size()) {
            throw new SQLException("the terminal file's schema is at version " + current + " but this multisession"
                    + " knows versions up to " + scripts.size() + "; run a newer multisession against it");
        }
        for (int version = current + 1; version <= scripts.size(); version++) {
            String name = scripts.get(version - 1);
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(resource(directory + "/" + name));
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, description(name));
                record.setString(3, Instant.now().toString());
                record.executeUpdate();
            }
        }
        return scripts.size() - current;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String description(String name) {
        Matcher matcher = NAME.matcher(name);
        return matcher.matches() ? matcher.group(2).replace('_', ' ') : name;
    }

    private static String resource(String path) {
        try (InputStream in = TerminalSchema.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + path, e);
        }
    }
}
