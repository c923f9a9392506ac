package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date at start-up. Migrations are the class-path resources
 * listed, oldest first, in {@code db/<dialect>/migrations.list}, named {@code V<n>__<what>.sql};
 * table {@code schema_version} records the ones applied. All pending migrations run in one
 * transaction, so a failed start leaves the schema as it was.
 *
 * <p>Two hub nodes starting at once on PostgreSQL take turns through a transaction-scoped
 * advisory lock (per schema); the second finds the work done. On SQLite the write transaction
 * itself excludes other writers.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final SqlDialect dialect;
    private final List<Migration> migrations;

    /** The hub store's migrations for {@code dialect}. */
    public Migrations(SqlDialect dialect) {
        this(dialect, dialect.migrationsPath());
    }

    /** The migrations listed in {@code directory} on the class path, for {@code dialect}. */
    Migrations(SqlDialect dialect, String directory) {
        this.dialect = dialect;
        this.migrations = load(directory);
    }

    /** The newest schema version this code knows. */
    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /**
     * Applies the migrations the database lacks, on {@code connection} (auto-commit off), and
     * commits. Returns the number applied.
     *
     * @throws SQLException if a migration fails (nothing is applied) or the database is newer
     *     than this code
     */
    public int apply(Connection connection) throws SQLException {
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
            if (dialect == SqlDialect.POSTGRES) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('multisession.migrations.' || current_schema()))");
            }
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new SQLException("the database schema is at version " + current + " but this multisession"
                    + " knows versions up to " + latestVersion() + "; run a newer multisession against it");
        }
        int applied = 0;
        for (Migration migration : migrations) {
            if (migration.version() <= current) {
                continue;
            }
            LOG.info("applying {} schema migration V{} ({})", dialect, migration.version(), migration.description());
            try (Statement statement = connection.createStatement()) {
                for (String sql : SqlScript.statements(migration.script())) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, migration.version());
                record.setString(2, migration.description());
                record.setString(3, java.time.Instant.now().toString());
                record.executeUpdate();
            }
            applied++;
        }
        return applied;
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<Migration> load(String directory) {
        List<Migration> migrations = new ArrayList<>();
        for (String line : SqlScript.resource(directory + "/migrations.list").split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("migration " + name + " in " + directory + " is not named V<n>__<what>.sql");
            }
            int version = Integer.parseInt(matcher.group(1));
            int expected = migrations.size() + 1;
            if (version != expected) {
                throw new IllegalStateException("migration " + name + " in " + directory + " should be V" + expected);
            }
            migrations.add(new Migration(version, matcher.group(2).replace('_', ' '),
                    SqlScript.resource(directory + "/" + name)));
        }
        return List.copyOf(migrations);
    }

    private record Migration(int version, String description, String script) {}
}
