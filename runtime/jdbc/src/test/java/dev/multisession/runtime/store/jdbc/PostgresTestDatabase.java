package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL schema for one test class, dropped afterwards. Connects to
 * {@code MULTISESSION_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/multisession_test})
 * as {@code MULTISESSION_PG_USER} / {@code MULTISESSION_PG_PASSWORD} (default multisession /
 * multisession); {@code .ci/postgres.sh} starts such a server.
 *
 * <p>When the server cannot be reached the class's tests are skipped, except when {@code CI=true}:
 * CI always provides PostgreSQL, so there the tests fail instead of passing silently.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/multisession_test";

    private final String baseUrl = env("MULTISESSION_PG_URL", DEFAULT_URL);
    private final String user = env("MULTISESSION_PG_USER", "multisession");
    private final String password = env("MULTISESSION_PG_PASSWORD", "multisession");
    private String schema;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        createSchema(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        dropSchema();
    }

    /** Creates this instance's schema, named after {@code label}; skips or fails the test when PostgreSQL is unreachable. */
    public void createSchema(String label) throws SQLException {
        DriverManager.setLoginTimeout(5);
        Connection admin;
        try {
            admin = DriverManager.getConnection(baseUrl, user, password);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + baseUrl + " as " + user + " (" + e.getMessage()
                    + "); start one with .ci/postgres.sh or set MULTISESSION_PG_URL/_USER/_PASSWORD";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " — CI=true, so PostgreSQL tests must run", e);
            }
            Assumptions.abort(message);
            return;
        }
        schema = "ms_test_" + label.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (admin; Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    /** Drops this instance's schema and everything in it. */
    public void dropSchema() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(baseUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** The URL of this class's schema. */
    public String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The schema's name, also a NOTIFY channel no other test class listens on. */
    public String schema() {
        return schema;
    }

    /** A store on this class's schema that only hears commits made in it. */
    public PostgresHubStore openHubStore(int poolSize) {
        return PostgresHubStore.builder(url()).credentials(user, password).poolSize(poolSize)
                .notifyChannel(schema).open();
    }

    /** A plain connection to this class's schema, auto-commit on. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
