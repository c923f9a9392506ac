package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store prepares each statement of its writer once and reuses it in every later
 * transaction, whatever the number of sessions, and a statement given back after a failure is
 * never reused. Counted in prepares, not measured in time.
 */
class SqliteStatementReuseTest {

    private static final int SESSIONS = 60;

    @TempDir
    Path directory;

    @Test
    void theWriterPreparesEachStatementOnceForAnyNumberOfSessions() {
        try (SqliteHubStore store = SqliteHubStore.open(directory.resolve("hub.db"))) {
            writeEverySession(store, 1); // each session's first transaction creates its row
            int afterFirstRound = store.writerPrepares();
            for (long round = 2; round <= 4; round++) {
                writeEverySession(store, round);
            }
            assertEquals(afterFirstRound, store.writerPrepares(),
                    "statements prepared again by " + 3 * SESSIONS + " later transactions");
            assertTrue(afterFirstRound > 0, "the writer's transactions take their statements from the kept ones");
            assertTrue(afterFirstRound <= 12, "statements prepared by the first round: " + afterFirstRound);
            for (int i = 0; i < SESSIONS; i++) {
                assertWritten(store, i, 4);
            }
        }
    }

    @Test
    void aWorkThatFailsWithAWriteBatchedLeavesNothingBehindForTheNextOne() {
        try (SqliteHubStore store = SqliteHubStore.open(directory.resolve("hub.db"))) {
            writeEverySession(store, 1);
            List<CompletableFuture<?>> works = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String session = "session-" + i;
                boolean fails = i % 3 == 0;
                works.add(store.inSessionAsync(session, tx -> {
                    tx.saveOrder(order(session, fails ? 99 : 2));
                    tx.saveTerminal("t-" + session, new TerminalCursor(fails ? 99 : 2, fails ? 99 : 2));
                    if (fails) {
                        throw new IllegalStateException("the work fails with its writes batched");
                    }
                    tx.saveHead(withSeq(tx.head(), 2));
                    return null;
                }));
            }
            for (int i = 0; i < SESSIONS; i++) {
                CompletableFuture<?> work = works.get(i);
                if (i % 3 == 0) {
                    CompletionException failure = assertThrows(CompletionException.class, work::join);
                    assertInstanceOf(IllegalStateException.class, failure.getCause());
                } else {
                    work.join();
                }
            }
            for (int i = 0; i < SESSIONS; i++) {
                // a failed work's batched rows must not ride along with the next work's batch
                assertWritten(store, i, i % 3 == 0 ? 1 : 2);
            }
            writeEverySession(store, 3);
            for (int i = 0; i < SESSIONS; i++) {
                assertWritten(store, i, 3);
            }
        }
    }

    @Test
    void aStatementInUseIsNotHandedOutTwiceAndADiscardedOneIsNotReused() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statements.Reused statements = Statements.reused(connection)) {
            String sql = "SELECT ?";
            PreparedStatement first = statements.prepare(sql);
            PreparedStatement whileInUse = statements.prepare(sql);
            assertNotSame(first, whileInUse);
            first.setInt(1, 7);
            statements.release(whileInUse);
            assertTrue(whileInUse.isClosed(), "a statement not kept is closed when given back");
            statements.release(first);
            assertFalse(first.isClosed());

            PreparedStatement again = statements.prepare(sql);
            assertSame(first, again);
            again.setInt(1, 8);
            try (ResultSet rs = again.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(8, rs.getInt(1));
            }
            statements.discard(again);
            assertTrue(again.isClosed());
            PreparedStatement fresh = statements.prepare(sql);
            assertNotSame(again, fresh);
            statements.release(fresh);
            assertEquals(3, statements.prepares());
        }
    }

    /** One transaction per session, all queued at once: save the order, a cursor, an event and the head at {@code seq}. */
    private static void writeEverySession(SqliteHubStore store, long seq) {
        List<CompletableFuture<?>> works = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String session = "session-" + i;
            works.add(store.inSessionAsync(session, tx -> {
                SessionHead head = tx.head();
                tx.saveOrder(order(session, seq));
                tx.saveTerminal("t-" + session, new TerminalCursor(seq, seq));
                tx.saveHead(withSeq(head, seq));
                return null;
            }));
        }
        works.forEach(CompletableFuture::join);
    }

    /** Session {@code index} holds what {@link #writeEverySession} wrote with {@code seq}, and nothing else. */
    private static void assertWritten(SqliteHubStore store, int index, long seq) {
        String session = "session-" + index;
        CommittedSession committed = store.readCommitted(session).orElseThrow();
        assertEquals(seq, committed.head().seq(), session);
        assertEquals(seq, committed.openOrders().get(0).revision(), session);
        assertEquals(new TerminalCursor(seq, seq), store.inSession(session, tx -> tx.terminal("t-" + session)), session);
    }

    private static SessionHead withSeq(SessionHead head, long seq) {
        return new SessionHead(head.runId(), seq, head.lastOrderNumber(), head.logFloor(), head.tag());
    }

    private static StoredOrder order(String session, long revision) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("uid", session + "-order").put("revision", revision);
        return new StoredOrder(session + "-order", revision, 1, data, JsonNodeFactory.instance.objectNode(), false, false);
    }
}
