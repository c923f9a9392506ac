package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema for one test class (or one test), dropped afterwards, on the server
 * of {@link PostgresServer}: an external one when {@code MULTISESSION_PG_URL} is set, otherwise a
 * real PostgreSQL started from Maven artifacts, once per test JVM. The tests never skip: a server
 * that cannot be reached fails them.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {
    private String schema;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        createSchema(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        dropSchema();
    }

    /** Creates this instance's schema, named after {@code label}; starts the embedded server on first use. */
    public void createSchema(String label) throws SQLException {
        String name = "ms_test_" + label.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection admin = server().connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        schema = name;
    }

    /** Drops this instance's schema and everything in it. */
    public void dropSchema() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection admin = server().connect(); Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        schema = null;
    }

    /** The URL of this class's schema. */
    public String url() {
        String base = server().url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return server().user();
    }

    public String password() {
        return server().password();
    }

    /** The schema's name, also a NOTIFY channel no other test class listens on. */
    public String schema() {
        return schema;
    }

    /** A store on this class's schema that only hears commits made in it. */
    public PostgresHubStore openHubStore(int poolSize) {
        return PostgresHubStore.builder(url()).credentials(user(), password()).poolSize(poolSize)
                .notifyChannel(schema).open();
    }

    /** A plain connection to this class's schema, auto-commit on. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static PostgresServer server() {
        return PostgresServer.forThisJvm();
    }
}
