package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a hub database's schema up to date at start-up with Flyway. Migrations are the
 * class-path scripts {@code db/<dialect>/V<n>__<what>.sql}; Flyway records them, with their
 * checksums, in {@code flyway_schema_history}, so an edited script that was already applied is
 * reported instead of silently diverging.
 *
 * <p>All pending migrations run in one transaction, so a failed start leaves the schema as it
 * was. Two hub nodes starting at once on PostgreSQL take turns through Flyway's advisory lock;
 * the second finds the work done. A database whose history holds a version this code does not
 * know is refused: a hub must not run on a schema newer than itself.
 *
 * <p>A database made by a release before Flyway, which kept its versions in
 * {@code schema_version}, is baselined at its highest version there and carries on from it.
 */
public final class HubMigrations {
    /** Flyway's table of applied migrations (its default name, which operators recognise). */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(HubMigrations.class);

    private final SqlDialect dialect;

    /** The hub store's migrations for {@code dialect}. */
    public HubMigrations(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Applies the migrations the database behind {@code dataSource} lacks. Returns the number
     * applied.
     *
     * @throws SQLException if a migration fails (nothing is applied), an applied script no
     *     longer matches its checksum, or the database is newer than this code
     */
    public int apply(DataSource dataSource) throws SQLException {
        OptionalInt legacy;
        try (Connection connection = dataSource.getConnection()) {
            legacy = LegacySchemaVersion.read(connection, HISTORY_TABLE);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        FluentConfiguration configuration = configure().dataSource(dataSource);
        try {
            if (legacy.isPresent()) {
                baselineLegacy(configuration, legacy.getAsInt());
            }
            return configuration.load().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new SQLException("schema migration failed: " + e.getMessage(), e);
        }
    }

    private void baselineLegacy(FluentConfiguration configuration, int legacy) throws SQLException {
        int latest = latestKnown(configuration.load());
        if (legacy > latest) {
            throw new SQLException("the database schema is at version " + legacy + " but this multisession"
                    + " knows versions up to " + latest + "; run a newer multisession against it");
        }
        LOG.info("{} schema made before Flyway, at version {} in table {}: baselining it there",
                dialect, legacy, LegacySchemaVersion.LEGACY_TABLE);
        configuration.baselineOnMigrate(true)
                .baselineVersion(String.valueOf(legacy))
                .baselineDescription("schema_version " + legacy + " of the runner before Flyway");
    }

    /** The newest version among the scripts shipped in the jar. */
    private static int latestKnown(Flyway flyway) {
        int latest = 0;
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getVersion() != null && migration.getState().isResolved()) {
                latest = Math.max(latest, Integer.parseInt(migration.getVersion().getVersion()));
            }
        }
        return latest;
    }

    private FluentConfiguration configure() {
        return Flyway.configure(HubMigrations.class.getClassLoader())
                .locations("classpath:" + dialect.migrationsPath())
                .table(HISTORY_TABLE)
                // all pending scripts in one transaction: a failed start leaves the schema as it was
                .group(true)
                // the scripts are plain SQL; nothing in them is meant to be substituted
                .placeholderReplacement(false)
                // Flyway ignores applied versions it does not know by default; a hub must refuse them
                .ignoreMigrationPatterns(new String[0]);
    }
}
