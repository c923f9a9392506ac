package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

/**
 * Reads the schema version that releases before the move to Flyway recorded in their own table,
 * {@code schema_version}, so that such a database is baselined at that version instead of being
 * migrated from scratch (which would fail on the existing tables). A database that Flyway
 * already manages, or that the old runner never touched, has no legacy version.
 */
final class LegacySchemaVersion {
    static final String LEGACY_TABLE = "schema_version";

    private LegacySchemaVersion() {}

    /**
     * The highest version in {@code schema_version} of {@code connection}'s current schema,
     * or empty when that table is absent or {@code flywayTable} already exists there.
     */
    static OptionalInt read(Connection connection, String flywayTable) throws SQLException {
        if (!tableExists(connection, LEGACY_TABLE) || tableExists(connection, flywayTable)) {
            return OptionalInt.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM " + LEGACY_TABLE)) {
            if (rs.next()) {
                int version = rs.getInt(1);
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
            }
            return OptionalInt.empty();
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // '_' is a pattern wildcard in getTables; escape it so that only the exact name matches
        String escape = meta.getSearchStringEscape();
        String pattern = escape == null || escape.isEmpty() ? table : table.replace("_", escape + "_");
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), pattern, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }
}
