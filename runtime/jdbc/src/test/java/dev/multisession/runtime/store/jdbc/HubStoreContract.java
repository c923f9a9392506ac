package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.EventTag;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HubStore} must do, run against each implementation by a subclass. Each
 * test uses sessions of its own, so implementations may keep one database for a whole class.
 */
abstract class HubStoreContract {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Author AUTHOR = new Author("bar-till", "ann", Instant.parse("2026-03-01T12:00:00Z"));

    HubStore store;
    String session;

    /** Opens the implementation on the class's database; called again after {@link HubStore#close()} to reopen it. */
    abstract HubStore openStore();

    @BeforeEach
    void openStoreAndPickSession() {
        store = openStore();
        session = "s-" + UUID.randomUUID();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aNewSessionStartsAtRunOneSequenceZero() {
        store.inSession(session, tx -> {
            assertEquals(SessionHead.NEW, tx.head());
            assertEquals(List.of(), tx.openOrders());
            assertEquals(Optional.empty(), tx.order("o1"));
            assertEquals(TerminalCursor.NONE, tx.terminal("bar-till"));
            return null;
        });
        assertEquals(List.of(), store.readLog(session, 0, 100));
    }

    @Test
    void inSessionReturnsWhatTheWorkReturns() {
        assertEquals("done", store.inSession(session, tx -> "done"));
    }

    @Test
    void savedHeadIsSeenInTheSameAndInLaterTransactions() {
        SessionHead head = new SessionHead(3, 42, 7, 12);
        store.inSession(session, tx -> {
            tx.saveHead(head);
            assertEquals(head, tx.head());
            return null;
        });
        assertEquals(head, store.inSession(session, tx -> tx.head()));
        assertEquals(SessionHead.NEW, store.inSession(session + "-other", tx -> tx.head()));
    }

    @Test
    void ordersAreSavedReplacedAndListedByNumber() {
        StoredOrder second = order("o2", 1, 2);
        StoredOrder first = order("o1", 1, 1);
        store.inSession(session, tx -> {
            tx.saveOrder(second);
            tx.saveOrder(first);
            assertEquals(List.of(first, second), tx.openOrders());
            return null;
        });
        StoredOrder edited = new StoredOrder("o2", 2, 2, data("table", "T9"), info(), false, false);
        store.inSession(session, tx -> {
            tx.saveOrder(edited);
            return null;
        });
        store.inSession(session, tx -> {
            assertEquals(Optional.of(edited), tx.order("o2"));
            assertEquals(List.of(first, edited), tx.openOrders());
            return null;
        });
    }

    @Test
    void readsInATransactionSeeEveryWriteBeforeThemInOrder() {
        StoredOrder first = order("o1", 1, 1);
        StoredOrder replaced = new StoredOrder("o1", 2, 1, data("table", "T2"), info(), false, false);
        store.inSession(session, tx -> {
            tx.saveOrder(first);
            tx.saveOrder(order("o2", 1, 2));
            tx.saveOrder(replaced);
            assertEquals(Optional.of(replaced), tx.order("o1"));
            tx.saveTerminal("bar-till", new TerminalCursor(3, 4));
            tx.saveTerminal("bar-till", new TerminalCursor(4, 5));
            assertEquals(new TerminalCursor(4, 5), tx.terminal("bar-till"));
            tx.appendLog(change(1));
            tx.appendLog(change(2));
            tx.trimLog(1);
            tx.appendLog(change(3));
            tx.saveHead(new SessionHead(1, 3, 2, 1));
            return null;
        });
        assertEquals(List.of(change(2), change(3)), store.readLog(session, 0, 10));
        store.inSession(session, tx -> {
            assertEquals(new SessionHead(1, 3, 2, 1), tx.head());
            assertEquals(List.of(replaced, order("o2", 1, 2)), tx.openOrders());
            return null;
        });
    }

    @Test
    void orderJsonKeepsExactDecimalsNestingAndNulls() {
        ObjectNode data = JSON.objectNode();
        data.put("price", new BigDecimal("10.50"));
        data.put("big", new BigDecimal("12345678901234567890.123456789"));
        data.putNull("note");
        data.put("name", "Ñandú \"quoted\" \\ ☕");
        ObjectNode line = data.putArray("lines").addObject();
        line.put("uid", "L1");
        line.put("qty", 3);
        StoredOrder order = new StoredOrder("o1", 5, 1, data, info(), false, false);
        store.inSession(session, tx -> {
            tx.saveOrder(order);
            return null;
        });
        StoredOrder read = store.inSession(session, tx -> tx.order("o1")).orElseThrow();
        assertEquals(order, read);
        assertEquals(0, new BigDecimal("10.50").compareTo(read.data().get("price").decimalValue()));
        assertTrue(read.data().get("note").isNull());
    }

    @Test
    void removedOrdersStayAsTombstonesButAreNotOpen() {
        StoredOrder open = order("o1", 1, 1);
        StoredOrder paid = new StoredOrder("o2", 4, 2, JSON.objectNode(), info(), true, true);
        StoredOrder abandoned = new StoredOrder("o3", 2, 3, JSON.objectNode(), info(), true, false);
        store.inSession(session, tx -> {
            tx.saveOrder(open);
            tx.saveOrder(paid);
            tx.saveOrder(abandoned);
            return null;
        });
        store.inSession(session, tx -> {
            assertEquals(List.of(open), tx.openOrders());
            assertEquals(Optional.of(paid), tx.order("o2"));
            assertEquals(Optional.of(abandoned), tx.order("o3"));
            return null;
        });
    }

    @Test
    void deleteAllOrdersClearsOnlyThatSession() {
        String other = session + "-other";
        store.inSession(session, tx -> {
            tx.saveOrder(order("o1", 1, 1));
            tx.saveOrder(new StoredOrder("o2", 1, 2, JSON.objectNode(), info(), true, true));
            return null;
        });
        store.inSession(other, tx -> {
            tx.saveOrder(order("o1", 1, 1));
            return null;
        });
        store.inSession(session, tx -> {
            tx.deleteAllOrders();
            assertEquals(List.of(), tx.openOrders());
            assertEquals(Optional.empty(), tx.order("o2"));
            return null;
        });
        assertEquals(1, store.inSession(other, tx -> tx.openOrders()).size());
    }

    @Test
    void terminalCursorsAreKeptPerTerminalAndSession() {
        store.inSession(session, tx -> {
            tx.saveTerminal("bar-till", new TerminalCursor(5, 17));
            tx.saveTerminal("tablet-1", new TerminalCursor(2, 9));
            return null;
        });
        store.inSession(session, tx -> {
            tx.saveTerminal("bar-till", new TerminalCursor(6, 20));
            return null;
        });
        store.inSession(session, tx -> {
            assertEquals(new TerminalCursor(6, 20), tx.terminal("bar-till"));
            assertEquals(new TerminalCursor(2, 9), tx.terminal("tablet-1"));
            assertEquals(TerminalCursor.NONE, tx.terminal("kitchen"));
            return null;
        });
        assertEquals(TerminalCursor.NONE, store.inSession(session + "-other", tx -> tx.terminal("bar-till")));
    }

    @Test
    void logIsReadAfterASequenceInOrderUpToALimit() {
        List<HubMessage.Event> events = new ArrayList<>();
        for (long seq = 1; seq <= 5; seq++) {
            events.add(seq == 4 ? removed(seq) : change(seq));
        }
        store.inSession(session, tx -> {
            events.forEach(tx::appendLog);
            return null;
        });
        store.inSession(session + "-other", tx -> {
            tx.appendLog(change(1));
            return null;
        });
        assertEquals(events, store.readLog(session, 0, 100));
        assertEquals(events.subList(2, 5), store.readLog(session, 2, 100));
        assertEquals(events.subList(1, 3), store.readLog(session, 1, 2));
        assertEquals(List.of(), store.readLog(session, 5, 100));
        assertEquals(List.of(), store.readLog(session, 0, 0));
        assertEquals(List.of(), store.readLog("s-never-used", 0, 100));
    }

    @Test
    void theHeadsTagAndEachEventsTagAreKept() {
        SessionHead head = new SessionHead(2, 6, 1, 0, EventTag.LIMIT - 1);
        store.inSession(session, tx -> {
            tx.appendLog(change(5).withTag(55));
            tx.appendLog(change(6).withTag(EventTag.LIMIT - 1));
            tx.saveHead(head);
            return null;
        });
        assertEquals(head, store.inSession(session, tx -> tx.head()));
        assertEquals(List.of(55L, EventTag.LIMIT - 1),
                store.readLog(session, 0, 100).stream().map(HubMessage.Event::tag).toList());
    }

    @Test
    void aLoggedEventsTagIsReadInATransactionWithItsOwnWritesAndTrims() {
        store.inSession(session, tx -> {
            tx.appendLog(change(1).withTag(11));
            tx.appendLog(change(2).withTag(22));
            assertEquals(OptionalLong.of(22), tx.loggedTag(2), "an event appended in this transaction");
            return null;
        });
        store.inSession(session, tx -> {
            assertEquals(OptionalLong.of(11), tx.loggedTag(1));
            assertEquals(OptionalLong.empty(), tx.loggedTag(3), "not logged");
            tx.trimLog(1);
            assertEquals(OptionalLong.empty(), tx.loggedTag(1), "trimmed in this transaction");
            return null;
        });
        assertEquals(OptionalLong.empty(), store.inSession(session, tx -> tx.loggedTag(1)));
        assertEquals(OptionalLong.of(22), store.inSession(session, tx -> tx.loggedTag(2)));
    }

    @Test
    void trimLogDeletesEventsAtOrBelowTheSequence() {
        store.inSession(session, tx -> {
            for (long seq = 1; seq <= 6; seq++) {
                tx.appendLog(change(seq));
            }
            tx.trimLog(4);
            return null;
        });
        assertEquals(List.of(change(5), change(6)), store.readLog(session, 0, 100));
    }

    @Test
    void appendingASequenceNumberTwiceFailsAndRollsBack() {
        store.inSession(session, tx -> {
            tx.appendLog(change(1));
            return null;
        });
        assertThrows(RuntimeException.class, () -> store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 1, 0, 0));
            tx.appendLog(change(1));
            return null;
        }));
        assertEquals(SessionHead.NEW, store.inSession(session, tx -> tx.head()));
        assertEquals(List.of(change(1)), store.readLog(session, 0, 10));
    }

    @Test
    void theLogIsReadableOutsideTransactionsWhileAnotherIsOpen() throws Exception {
        store.inSession(session, tx -> {
            tx.appendLog(change(1));
            return null;
        });
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> open = writer.submit(() -> store.inSession(session, tx -> {
                tx.appendLog(change(2));
                inside.countDown();
                await(release);
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            // Uncommitted events are invisible, and the read does not wait for the writer.
            assertEquals(List.of(change(1)), store.readLog(session, 0, 100));
            release.countDown();
            open.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(change(1), change(2)), store.readLog(session, 0, 100));
        } finally {
            release.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void aCommittedReadOfAnUnknownSessionIsEmptyAndCreatesNothing() {
        assertEquals(Optional.empty(), store.readCommitted(session));
        assertEquals(Optional.empty(), store.readCommitted(session));
    }

    @Test
    void aHeadReadIsThatOfTheLastCommitAndCreatesNothing() {
        assertEquals(Optional.empty(), store.readHead(session));
        assertEquals(Optional.empty(), store.readCommitted(session), "the head read created nothing");
        SessionHead head = new SessionHead(2, 9, 3, 4, 123_456_789L);
        store.inSession(session, tx -> {
            tx.saveHead(head);
            return null;
        });
        assertEquals(Optional.of(head), store.readHead(session));
    }

    @Test
    void aCommittedReadShowsTheHeadAndOpenOrdersOfTheLastCommit() {
        SessionHead head = new SessionHead(2, 9, 3, 4, 123_456_789L);
        store.inSession(session, tx -> {
            tx.saveHead(head);
            tx.saveOrder(order("o3", 1, 3));
            tx.saveOrder(order("o1", 2, 1));
            tx.saveOrder(new StoredOrder("o2", 4, 2, JSON.objectNode(), info(), true, true));
            return null;
        });
        CommittedSession read = store.readCommitted(session).orElseThrow();
        assertEquals(head, read.head());
        assertEquals(List.of(order("o1", 2, 1), order("o3", 1, 3)), read.openOrders());

        store.inSession(session, tx -> {
            tx.deleteAllOrders();
            tx.saveHead(new SessionHead(3, 0, 0, 0));
            return null;
        });
        assertEquals(new CommittedSession(new SessionHead(3, 0, 0, 0), List.of()), store.readCommitted(session).orElseThrow());
    }

    @Test
    void aCommittedReadNeitherWaitsForNorSeesAnOpenTransaction() throws Exception {
        store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 1, 1, 0));
            tx.saveOrder(order("o1", 1, 1));
            return null;
        });
        CommittedSession before = store.readCommitted(session).orElseThrow();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> open = writer.submit(() -> store.inSession(session, tx -> {
                tx.saveHead(new SessionHead(1, 2, 2, 0));
                tx.saveOrder(order("o2", 1, 2));
                tx.openOrders(); // sends the writes to the database
                inside.countDown();
                await(release);
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            assertEquals(before, store.readCommitted(session).orElseThrow());
            release.countDown();
            open.get(10, TimeUnit.SECONDS);
            assertEquals(2, store.readCommitted(session).orElseThrow().openOrders().size());
        } finally {
            release.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void anExceptionRollsBackEverythingAndIsRethrown() {
        store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 1, 1, 0));
            tx.saveOrder(order("o1", 1, 1));
            tx.appendLog(change(1));
            return null;
        });
        IllegalStateException failure = new IllegalStateException("merge failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 2, 2, 0));
            tx.saveOrder(order("o1", 2, 1));
            tx.saveOrder(order("o2", 1, 2));
            tx.saveTerminal("bar-till", new TerminalCursor(9, 2));
            tx.appendLog(change(2));
            tx.trimLog(1);
            throw failure;
        }));
        assertSame(failure, thrown);
        store.inSession(session, tx -> {
            assertEquals(new SessionHead(1, 1, 1, 0), tx.head());
            assertEquals(List.of(order("o1", 1, 1)), tx.openOrders());
            assertEquals(TerminalCursor.NONE, tx.terminal("bar-till"));
            return null;
        });
        assertEquals(List.of(change(1)), store.readLog(session, 0, 100));
    }

    @Test
    void aRolledBackNewSessionStaysNew() {
        assertThrows(IllegalArgumentException.class, () -> store.inSession(session, tx -> {
            tx.saveHead(new SessionHead(1, 5, 0, 0));
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(SessionHead.NEW, store.inSession(session, tx -> tx.head()));
    }

    @Test
    void committedStateSurvivesReopening() {
        SessionHead head = new SessionHead(2, 3, 1, 0);
        store.inSession(session, tx -> {
            tx.saveHead(head);
            tx.saveOrder(order("o1", 3, 1));
            tx.saveTerminal("bar-till", new TerminalCursor(3, 3));
            for (long seq = 1; seq <= 3; seq++) {
                tx.appendLog(change(seq));
            }
            return null;
        });
        store.close();
        store = openStore();
        store.inSession(session, tx -> {
            assertEquals(head, tx.head());
            assertEquals(List.of(order("o1", 3, 1)), tx.openOrders());
            assertEquals(new TerminalCursor(3, 3), tx.terminal("bar-till"));
            return null;
        });
        assertEquals(List.of(change(1), change(2), change(3)), store.readLog(session, 0, 100));
    }

    @Test
    void concurrentTransactionsOnOneSessionLoseNoUpdate() throws Exception {
        int threads = 8;
        int perThread = 25;
        incrementConcurrently(List.of(store), threads, perThread);
        assertSequenceIsComplete(store, threads * perThread);
    }

    /** Each increment reads the head, bumps seq and the order number, and logs the new seq. */
    void incrementConcurrently(List<HubStore> stores, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                HubStore target = stores.get(t % stores.size());
                done.add(pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < perThread; i++) {
                        target.inSession(session, tx -> {
                            SessionHead head = tx.head();
                            long seq = head.seq() + 1;
                            tx.saveHead(new SessionHead(head.runId(), seq, head.lastOrderNumber() + 1, head.logFloor()));
                            tx.saveOrder(order("o" + seq, 1, seq));
                            tx.appendLog(change(seq));
                            return null;
                        });
                    }
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    void assertSequenceIsComplete(HubStore reader, int expected) {
        SessionHead head = reader.inSession(session, tx -> tx.head());
        assertEquals(expected, head.seq());
        assertEquals(expected, head.lastOrderNumber());
        List<HubMessage.Event> log = reader.readLog(session, 0, expected + 10);
        assertEquals(expected, log.size());
        for (int i = 0; i < expected; i++) {
            assertEquals(i + 1, log.get(i).seq());
        }
        List<StoredOrder> orders = reader.inSession(session, tx -> tx.openOrders());
        assertEquals(expected, orders.size());
        assertFalse(orders.stream().map(StoredOrder::number).distinct().count() < expected, "duplicate order numbers");
    }

    static StoredOrder order(String uid, long revision, long number) {
        return new StoredOrder(uid, revision, number, data("table", "T" + number), info(), false, false);
    }

    static ObjectNode data(String key, String value) {
        ObjectNode data = JSON.objectNode();
        data.put("uid", "x");
        data.put(key, value);
        data.put("guests", 2);
        return data;
    }

    static ObjectNode info() {
        ObjectNode info = JSON.objectNode();
        info.putObject("created").put("terminal", "bar-till").put("time", "2026-03-01T12:00:00Z");
        return info;
    }

    static HubMessage.Change change(long seq) {
        List<Op> ops = List.of(new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("no onions " + seq)),
                new Op.Add(List.of(PathStep.key("guests")), JSON.numberNode(1)));
        return new HubMessage.Change(seq, 1, "o1", seq, 1, AUTHOR, seq, ops);
    }

    static HubMessage.Removed removed(long seq) {
        return new HubMessage.Removed(seq, 1, "o1", seq, AUTHOR, seq, true);
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
