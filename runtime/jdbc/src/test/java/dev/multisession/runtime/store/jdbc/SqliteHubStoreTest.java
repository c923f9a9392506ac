package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            assertEquals("4", single(statement, "SELECT MAX(version) FROM flyway_schema_history WHERE success"));
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
    void workWaitingForTheWriterCommitsInOneGroupAndAFailingOneRollsBackAlone() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> store.inSession(session, tx -> {
                holding.countDown();
                await(release);
                tx.saveHead(new SessionHead(1, 1, 0, 0));
                return null;
            }));
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long seq = 10 + i;
                String other = session + "-" + i;
                others.add(threads.submit(() -> store.inSession(other, tx -> {
                    tx.saveHead(new SessionHead(1, seq, 0, 0));
                    return seq;
                })));
            }
            Future<Object> failing = threads.submit(() -> store.inSession(session + "-bad", tx -> {
                tx.saveHead(new SessionHead(1, 99, 0, 0));
                throw new IllegalStateException("boom");
            }));
            Thread.sleep(200); // all four now wait for the writer, and go in the next group together
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertEquals(10 + i, others.get(i).get(5, TimeUnit.SECONDS));
            }
            ExecutionException thrown = assertThrows(ExecutionException.class, () -> failing.get(5, TimeUnit.SECONDS));
            assertEquals("boom", thrown.getCause().getMessage());

            store.close();
            store = openStore();
            assertEquals(1, store.inSession(session, tx -> tx.head()).seq());
            for (int i = 0; i < 3; i++) {
                assertEquals(10 + i, store.inSession(session + "-" + i, tx -> tx.head()).seq());
            }
            assertEquals(SessionHead.NEW, store.inSession(session + "-bad", tx -> tx.head()));
        } finally {
            threads.shutdownNow();
        }
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
