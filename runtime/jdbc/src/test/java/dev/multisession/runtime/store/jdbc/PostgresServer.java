package dev.multisession.runtime.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests of this JVM use: the one named by {@code MULTISESSION_PG_URL}
 * (with {@code MULTISESSION_PG_USER} / {@code MULTISESSION_PG_PASSWORD}, default multisession /
 * multisession) when that variable is set, otherwise a real PostgreSQL started from the
 * {@code io.zonky.test} Maven artifacts, once per JVM, on a free port, and stopped when the JVM
 * exits.
 *
 * <p>The embedded server gets the same role and database as the external one
 * ({@code multisession} / {@code multisession_test}), so tests connect as an ordinary role either
 * way. PostgreSQL refuses to run as root; when the JVM runs as root the library starts
 * {@code initdb} and {@code postgres} through {@code unshare -U}, as an unprivileged user of a
 * new user namespace, which needs user namespaces to be enabled in the kernel.
 */
final class PostgresServer {
    private static final String ROLE = "multisession";
    private static final String PASSWORD = "multisession";
    private static final String DATABASE = "multisession_test";

    private final String url;
    private final String user;
    private final String password;
    private final String description;

    private PostgresServer(String url, String user, String password, String description) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    /** The server of this JVM: external when {@code MULTISESSION_PG_URL} is set, embedded otherwise. */
    static PostgresServer forThisJvm() {
        String external = env("MULTISESSION_PG_URL", null);
        if (external != null) {
            return new PostgresServer(external, env("MULTISESSION_PG_USER", ROLE),
                    env("MULTISESSION_PG_PASSWORD", PASSWORD), "external PostgreSQL at " + external);
        }
        return Embedded.SERVER;
    }

    /** Which server {@link #forThisJvm()} gives, without starting it: for reports. */
    static String kind() {
        String external = env("MULTISESSION_PG_URL", null);
        return external == null ? "an embedded PostgreSQL" : "the external PostgreSQL at " + external;
    }

    /** The JDBC URL of the tests' database, without a schema. */
    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A connection to the tests' database; fails with a message naming the server when it cannot. */
    Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(10);
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to the " + description + " as " + user + ": " + e.getMessage()
                    + " (unset MULTISESSION_PG_URL to use an embedded PostgreSQL)", e.getSQLState(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Holder: the embedded server starts on first use, not when the class loads. */
    private static final class Embedded {
        static final PostgresServer SERVER = start();

        private static PostgresServer start() {
            EmbeddedPostgres server;
            try {
                // The library's shutdown hook stops the server and deletes its data at JVM exit.
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("could not start the embedded PostgreSQL (as root this needs"
                        + " 'unshare -U' to work); set MULTISESSION_PG_URL to use an external server instead", e);
            }
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create the test role and database on the embedded PostgreSQL", e);
            }
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
            return new PostgresServer(url, ROLE, PASSWORD, "embedded PostgreSQL at " + url);
        }
    }
}
