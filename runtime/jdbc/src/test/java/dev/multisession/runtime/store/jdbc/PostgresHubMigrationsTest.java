package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.HubStore;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

@Tag(PostgresTestCount.TAG)
class PostgresHubMigrationsTest extends HubMigrationsContract {
    /** A schema per test: each starts from an empty database. */
    private final PostgresTestDatabase database = new PostgresTestDatabase();

    @BeforeEach
    void createSchema() throws SQLException {
        database.createSchema("migrations");
    }

    @AfterEach
    void dropSchema() throws SQLException {
        database.dropSchema();
    }

    @Override
    Connection connect() throws SQLException {
        return database.connect();
    }

    @Override
    HubStore openStore() {
        return database.openHubStore(2);
    }

    @Override
    void createLegacy(Connection connection, int version) throws SQLException {
        LegacyHubDatabase.createPostgres(connection, version);
    }
}
