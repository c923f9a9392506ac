package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.HubStore;
import dev.multisession.runtime.hub.SessionHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHubStoreTest extends HubStoreContract {
    @TempDir
    Path directory;

    @Override
    HubStore openStore() {
        return SqliteHubStore.open(directory.resolve("hub/state/hub.db"));
    }

    @Test
    void theFileAndItsDirectoriesAreCreatedInWalMode() throws SQLException {
        Path file = directory.resolve("hub/state/hub.db");
        assertTrue(Files.isRegularFile(file));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            assertEquals("wal", single(statement, "PRAGMA journal_mode"));
            assertEquals("1", single(statement, "SELECT MAX(version) FROM schema_version"));
        }
    }

    @Test
    void nestedTransactionsOnOneThreadAreRefused() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> store.inSession(session, tx -> store.inSession(session + "-b", inner -> null)));
        assertTrue(thrown.getMessage().contains("inside inSession"), thrown.getMessage());
        assertEquals(SessionHead.NEW, store.inSession(session, tx -> tx.head()));
    }

    @Test
    void normalSyncAlsoCommitsDurably() {
        store.close();
        store = SqliteHubStore.open(directory.resolve("normal.db"), SqliteSync.NORMAL);
        store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 9, 0, 0));
            return null;
        });
        store.close();
        store = SqliteHubStore.open(directory.resolve("normal.db"), SqliteSync.NORMAL);
        assertEquals(9, store.inSession(session, tx -> tx.head()).seq());
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();
        assertThrows(IllegalStateException.class, () -> store.inSession(session, tx -> null));
        assertThrows(IllegalStateException.class, () -> store.readLog(session, 0, 10));
        store.close();
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
