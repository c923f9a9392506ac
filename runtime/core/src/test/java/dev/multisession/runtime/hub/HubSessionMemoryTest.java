package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.hub.spi.SessionTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A batch is decided against what the node committed last ({@link SessionMemory}) and its
 * transaction only checks and writes; wherever the store no longer holds what the memory says,
 * the batch is decided against the store as before.
 */
class HubSessionMemoryTest {

    /** Counts the reads of orders and terminals inside transactions. */
    private static final class CountingStore extends DelegatingHubStore {
        int orderReads;
        int terminalReads;
        boolean inTransaction;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            return delegate.inSession(session, tx -> {
                inTransaction = true;
                try {
                    return runCounting(work, tx);
                } finally {
                    inTransaction = false;
                }
            });
        }

        private <R> R runCounting(SessionWork<R> work, SessionTx tx) {
            return work.run(new DelegatingSessionTx(tx) {
                @Override
                public Optional<StoredOrder> order(String uid) {
                    orderReads++;
                    return super.order(uid);
                }

                @Override
                public TerminalCursor terminal(String terminalId) {
                    terminalReads++;
                    return super.terminal(terminalId);
                }
            });
        }
    }

    /** The rules read the time once per mutation they decide: this counts those decided in a transaction. */
    private final class WatchingClock extends NoonClock {
        int readInTransaction;

        @Override
        public Instant instant() {
            if (store.inTransaction) {
                readInTransaction++;
            }
            return super.instant();
        }
    }

    private final CountingStore store = new CountingStore();

    private static final class Peer {
        final List<HubMessage> inbox = new ArrayList<>();
        final HubConnection connection;

        Peer(Hub hub, String terminal, long runId) {
            connection = hub.connect(new TerminalIdentity("s", terminal), inbox::add);
            connection.receive(new ClientMessage.Hello("s", terminal, null, runId, 0, 1));
        }

        HubMessage send(long mutationId, long runId, String order, long baseRevision, String key, String value) {
            connection.receive(new ClientMessage.Mutate(mutationId, runId, order, baseRevision, "u", List.of(
                    new Op.Set(List.of(PathStep.key(key)), TextNode.valueOf(value)))));
            for (int i = inbox.size() - 1; i >= 0; i--) {
                if (!(inbox.get(i) instanceof HubMessage.Event)) {
                    return inbox.get(i);
                }
            }
            throw new AssertionError("no answer in " + inbox);
        }
    }

    private StoredOrder stored(String uid) {
        return store.delegate.inSession("s", tx -> tx.order(uid)).orElseThrow();
    }

    @Test
    void aBatchOnAnOrderTheNodeKnowsIsDecidedBeforeItsTransactionWhichReadsNoOrderNorTerminal() {
        WatchingClock clock = new WatchingClock();
        Hub hub = Hub.builder().store(store).clock(clock).sameThread().build();
        Peer a = new Peer(hub, "A", 0);
        assertInstanceOf(HubMessage.Ack.class, a.send(1, 1, "O1", 0, "note", "one"));
        assertEquals(1, clock.readInTransaction, "the node knew nothing of the session: decided in the store");
        int orderReads = store.orderReads;
        int terminalReads = store.terminalReads;

        assertInstanceOf(HubMessage.Ack.class, a.send(2, 1, "O1", 1, "note", "two"));
        assertInstanceOf(HubMessage.Ack.class, a.send(3, 1, "O1", 2, "guests", "4"));

        assertEquals(0, store.orderReads - orderReads, "the order is known from the node's last commit");
        assertEquals(0, store.terminalReads - terminalReads, "so is the terminal's cursor");
        assertEquals(1, clock.readInTransaction, "both decided on the hub's thread, before their transactions");
        StoredOrder o1 = stored("O1");
        assertEquals(3, o1.revision());
        assertEquals("two", o1.data().path("note").asText());
        assertEquals("4", o1.data().path("guests").asText());
    }

    @Test
    void aSessionIsForgottenWhenItsLastTerminalOnTheNodeLeaves() {
        WatchingClock clock = new WatchingClock();
        Hub hub = Hub.builder().store(store).clock(clock).sameThread().build();
        Peer a = new Peer(hub, "A", 0);
        Peer b = new Peer(hub, "B", 0);
        a.send(1, 1, "O1", 0, "note", "one"); // decided in the store: the node knew nothing yet
        b.connection.close();
        a.send(2, 1, "O1", 1, "note", "two");
        assertEquals(1, clock.readInTransaction, "A is still there: the session is remembered");

        a.connection.close();
        Peer back = new Peer(hub, "A", 1);
        assertInstanceOf(HubMessage.Ack.class, back.send(3, 1, "O1", 2, "note", "three"));

        assertEquals(2, clock.readInTransaction, "nobody was left: decided in the store again");
        assertEquals("three", stored("O1").data().path("note").asText());
    }

    @Test
    void aNewOrderCostsOneReadThatFindsNothing() {
        Hub hub = Hub.builder().store(store).sameThread().build();
        Peer a = new Peer(hub, "A", 0);
        a.send(1, 1, "O1", 0, "note", "one");
        int orderReads = store.orderReads;

        assertInstanceOf(HubMessage.Ack.class, a.send(2, 1, "O2", 0, "note", "two"));

        assertEquals(1, store.orderReads - orderReads, "the check that no O2 exists");
        assertEquals(2, stored("O2").number(), "the second order of the day");
    }

    @Test
    void anOrderThisNodeHasNotSeenIsReadFromTheStoreAndNotTakenForNew() {
        // an earlier node (or run of this one) left O2 in the store
        Hub before = Hub.builder().store(store).sameThread().build();
        Peer old = new Peer(before, "B", 0);
        old.send(1, 1, "O2", 0, "note", "kept");

        Hub hub = Hub.builder().store(store).sameThread().build();
        Peer a = new Peer(hub, "A", 1);
        a.send(1, 1, "O1", 0, "note", "one"); // the node now knows the session, but not O2

        HubMessage answer = a.send(2, 1, "O2", 1, "guests", "4");

        assertInstanceOf(HubMessage.Ack.class, answer, "an edit of an order that exists: " + answer);
        StoredOrder o2 = stored("O2");
        assertEquals(2, o2.revision());
        assertEquals("kept", o2.data().path("note").asText(), "not overwritten as a new order");
        assertEquals("4", o2.data().path("guests").asText());
    }

    @Test
    void twoNodesEditingOneSessionEachDecideOnWhatTheOtherCommitted() {
        Hub one = Hub.builder().store(store).sameThread().build();
        Hub two = Hub.builder().store(store).sameThread().build();
        Peer a = new Peer(one, "A", 0);
        Peer b = new Peer(two, "B", 1);

        a.send(1, 1, "O1", 0, "note", "a1");
        b.send(1, 1, "O1", 1, "guests", "2");
        a.send(2, 1, "O1", 1, "table", "7"); // A has not seen B's change: merged, not lost
        b.send(2, 1, "O1", 3, "note", "b2");

        StoredOrder o1 = stored("O1");
        assertEquals(4, o1.revision());
        assertEquals("b2", o1.data().path("note").asText());
        assertEquals("2", o1.data().path("guests").asText());
        assertEquals("7", o1.data().path("table").asText());
        SessionHead head = store.delegate.readHead("s").orElseThrow();
        assertEquals(4, head.seq());
        List<Long> seqs = store.delegate.readLog("s", 0, 10).stream().map(HubMessage.Event::seq).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs, "one event per sequence number");
    }

    @Test
    void afterTheDayIsClosedAnOrderOfTheOldDayIsNew() {
        Hub hub = Hub.builder().store(store).sameThread().build();
        Peer a = new Peer(hub, "A", 0);
        a.send(1, 1, "O1", 0, "note", "yesterday");
        long run = hub.resetSession("s");

        Peer again = new Peer(hub, "A2", run);
        HubMessage answer = again.send(1, run, "O1", 0, "note", "today");

        assertInstanceOf(HubMessage.Ack.class, answer, "a new order of the new day: " + answer);
        StoredOrder o1 = stored("O1");
        assertEquals(1, o1.revision());
        assertEquals(1, o1.number());
        assertEquals("today", o1.data().path("note").asText());
    }
}
