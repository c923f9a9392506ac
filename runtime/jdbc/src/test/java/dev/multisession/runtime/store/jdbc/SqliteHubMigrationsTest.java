package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.HubStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;

class SqliteHubMigrationsTest extends HubMigrationsContract {
    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("hub.db");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    @Override
    HubStore openStore() {
        return SqliteHubStore.open(file());
    }

    @Override
    void createLegacy(Connection connection, int version) throws SQLException {
        LegacyHubDatabase.createSqlite(connection, version);
    }

    @Override
    String trueLiteral() {
        return "1";
    }
}
