package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What bringing a terminal up to date costs the store: the decision, and the snapshot when it
 * takes one, in one transaction; the log read only to replay it.
 */
class HubCatchUpTest {

    /** Counts transactions and log reads. */
    private static final class CountingStore extends DelegatingHubStore {
        int transactions;
        int logReads;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            transactions++;
            return delegate.inSession(session, work);
        }

        @Override
        public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
            logReads++;
            return delegate.readLog(session, afterSeq, limit);
        }
    }

    private final CountingStore store = new CountingStore();
    private final Hub hub = Hub.builder().store(store).sameThread().build();

    private List<HubMessage> connect(String terminal, long runId, long lastSeq, long lastTag) {
        List<HubMessage> inbox = new ArrayList<>();
        HubConnection connection = hub.connect(new TerminalIdentity("s", terminal), inbox::add);
        connection.receive(new ClientMessage.Hello("s", terminal, null, runId, lastSeq, 1, lastTag));
        return inbox;
    }

    /** Three events from terminal A; returns their tags. */
    private List<Long> threeEvents() {
        List<HubMessage> a = new ArrayList<>();
        HubConnection connection = hub.connect(new TerminalIdentity("s", "A"), a::add);
        connection.receive(new ClientMessage.Hello("s", "A", null, 0, 0, 1));
        for (long id = 1; id <= 3; id++) {
            connection.receive(new ClientMessage.Mutate(id, 1, "O1", 0, "u", List.of(
                    new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("n" + id)))));
        }
        List<Long> tags = new ArrayList<>();
        for (HubMessage.Event event : store.delegate.readLog("s", 0, 10)) {
            tags.add(event.tag());
        }
        assertEquals(3, tags.size());
        return tags;
    }

    @Test
    void aTerminalOfAnotherHistoryGetsItsDivergedWelcomeAndSnapshotFromOneTransaction() {
        List<Long> tags = threeEvents();
        int transactions = store.transactions;
        int logReads = store.logReads;
        List<HubMessage> inbox = connect("B", 1, 2, tags.get(0)); // another event's tag at seq 2
        assertEquals(1, store.transactions - transactions, "decision and snapshot in one transaction");
        assertEquals(0, store.logReads - logReads, "the tag is read in the transaction, the log not at all");
        assertTrue(assertInstanceOf(HubMessage.Welcome.class, inbox.get(0)).diverged());
        assertEquals(3, assertInstanceOf(HubMessage.Snapshot.class, inbox.get(1)).seq());
        assertEquals(2, inbox.size());
    }

    @Test
    void aTerminalBeyondTheHubGetsItsSnapshotFromOneTransaction() {
        threeEvents();
        int transactions = store.transactions;
        List<HubMessage> inbox = connect("B", 1, 7, 0);
        assertEquals(1, store.transactions - transactions);
        assertTrue(assertInstanceOf(HubMessage.Welcome.class, inbox.get(0)).diverged());
        assertInstanceOf(HubMessage.Snapshot.class, inbox.get(1));
    }

    @Test
    void aTerminalOfThisHistoryGetsTheLogAfterOneTransactionAndNoReadForTheTag() {
        List<Long> tags = threeEvents();
        int transactions = store.transactions;
        int logReads = store.logReads;
        List<HubMessage> inbox = connect("B", 1, 1, tags.get(0));
        assertEquals(1, store.transactions - transactions);
        assertEquals(2, store.logReads - logReads, "the replay's reads: events 2..3, then the end of the log");
        assertFalse(assertInstanceOf(HubMessage.Welcome.class, inbox.get(0)).diverged());
        assertEquals(List.of(2L, 3L), inbox.subList(1, inbox.size()).stream()
                .map(message -> ((HubMessage.Event) message).seq()).toList());
    }

    @Test
    void aSyncIsAnsweredFromOneTransaction() {
        threeEvents();
        List<HubMessage> inbox = new ArrayList<>();
        HubConnection connection = hub.connect(new TerminalIdentity("s", "B"), inbox::add);
        connection.receive(new ClientMessage.Hello("s", "B", null, 1, 3, 1));
        int transactions = store.transactions;
        connection.receive(new ClientMessage.Sync((1L << 53) - 1));
        assertEquals(1, store.transactions - transactions, "a sync asking for a snapshot");
        assertEquals(3, assertInstanceOf(HubMessage.Snapshot.class, inbox.get(inbox.size() - 1)).seq());
        transactions = store.transactions;
        int before = inbox.size();
        connection.receive(new ClientMessage.Sync(1));
        assertEquals(1, store.transactions - transactions, "a sync answered from the log");
        assertEquals(2, inbox.size() - before);
    }
}
