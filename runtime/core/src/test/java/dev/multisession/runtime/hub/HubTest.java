package dev.multisession.runtime.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub at the message level: no model classes, no terminals. */
class HubTest {

    private final InMemoryHubStore store = new InMemoryHubStore();
    private Hub hub = Hub.builder().store(store).logSize(3).sameThread().build();

    private final class Peer {
        final List<HubMessage> inbox = new ArrayList<>();
        final String terminal;
        final HubConnection connection;

        Peer(String terminal) {
            this.terminal = terminal;
            this.connection = hub.connect(new TerminalIdentity("s", terminal), inbox::add);
        }

        Peer hello(long runId, long lastSeq) {
            connection.receive(new ClientMessage.Hello("s", terminal, null, runId, lastSeq, 1));
            return this;
        }

        HubMessage last() {
            return inbox.get(inbox.size() - 1);
        }
    }

    private Peer peer(String terminal) {
        return new Peer(terminal);
    }

    private static ClientMessage.Mutate setNote(long id, String order, String note) {
        return new ClientMessage.Mutate(id, 1, order, 0, "u", List.of(
                new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf(note))));
    }

    @Test
    void refusesEverythingBeforeHelloAndHelloForAnotherTerminal() {
        Peer a = peer("A");
        a.connection.receive(setNote(1, "O1", "x"));
        assertEquals(Reason.FORBIDDEN, ((HubMessage.Error) a.last()).code());
        a.connection.receive(new ClientMessage.Hello("s", "B", null, 0, 0, 1));
        assertEquals(Reason.FORBIDDEN, ((HubMessage.Error) a.last()).code());
        a.connection.receive(new ClientMessage.Hello("other", "A", null, 0, 0, 1));
        assertEquals(Reason.FORBIDDEN, ((HubMessage.Error) a.last()).code());
        assertEquals(List.of(), store.readLog("s", 0, 10));
    }

    /** The in-memory store, but the next transaction fails as a database outage would. */
    private static final class OutageStore extends DelegatingHubStore {
        volatile boolean failNext;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("database unreachable");
            }
            return delegate.inSession(session, work);
        }
    }

    @Test
    void aHelloThatFailedDoesNotLetTheTerminalChangeOrdersWithoutHearingOthers() {
        OutageStore outage = new OutageStore();
        hub = Hub.builder().store(outage).sameThread().build();
        Peer a = peer("A");
        outage.failNext = true;
        a.hello(0, 0);
        assertEquals(Reason.INTERNAL, ((HubMessage.Error) a.last()).code());

        a.connection.receive(setNote(1, "O1", "x"));
        assertEquals(Reason.FORBIDDEN, ((HubMessage.Error) a.last()).code(),
                "a terminal that was never brought up to date must say hello again first");
        a.hello(0, 0);
        assertInstanceOf(HubMessage.Snapshot.class, a.last());
        a.connection.receive(setNote(1, "O1", "x"));
        assertInstanceOf(HubMessage.Change.class, a.last(), "now it hears its own and others' changes");
    }

    @Test
    void refusesAHelloOfAnotherProtocolVersionAndNegativeCountersWithoutChangingAnything() {
        Peer a = peer("A");
        a.connection.receive(new ClientMessage.Hello("s", "A", null, 0, 0, 2));
        HubMessage.Error version = (HubMessage.Error) a.last();
        assertEquals(Reason.UNSUPPORTED_PROTOCOL, version.code());
        assertTrue(version.message().contains("protocol 1, not 2"), version.message());

        a.hello(0, 0);
        a.connection.receive(new ClientMessage.Mutate(1, 1, "O1", -1, "u", List.of(
                new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("x")))));
        assertEquals(Reason.MALFORMED, ((HubMessage.Error) a.last()).code());
        a.connection.receive(new ClientMessage.Remove(1, -1, "O1", 0, "u", false));
        assertEquals(Reason.MALFORMED, ((HubMessage.Error) a.last()).code());
        a.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, "u", List.of(new Op.Insert(
                List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf("L1"))),
                JsonNodeFactory.instance.objectNode().put("qty", 1), NullNode.getInstance()))));
        HubMessage.Error noId = (HubMessage.Error) a.last();
        assertEquals(Reason.MALFORMED, noId.code());
        assertTrue(noId.message().contains("member \"uid\" is missing"), noId.message());
        assertEquals(0L, (long) store.inSession("s", tx -> tx.head().seq()), "nothing changed");
        assertEquals(0L, (long) store.inSession("s", tx -> tx.terminal("A").lastMutationId()), "no id consumed");
    }

    @Test
    void appliesEachMutationOnceAndInOrder() {
        Peer a = peer("A").hello(0, 0);
        Peer b = peer("B").hello(0, 0);
        a.connection.receive(setNote(1, "O1", "x"));
        HubMessage.Ack ack = (HubMessage.Ack) a.inbox.get(a.inbox.size() - 2);
        assertEquals(new HubMessage.Ack(1, 1, false, List.of()), ack);
        assertInstanceOf(HubMessage.Change.class, a.last());
        assertEquals(1, ((HubMessage.Change) b.last()).number());

        a.connection.receive(setNote(1, "O1", "y"));
        assertEquals(new HubMessage.Ack(1, 1, true, List.of()), a.last());
        a.connection.receive(setNote(3, "O1", "z"));
        assertEquals(new HubMessage.Resend(2), a.last());
        assertEquals(1, store.readLog("s", 0, 10).size());
    }

    @Test
    void numbersOrdersWithoutGapsAndRefusesChangesToRemovedOrders() {
        Peer a = peer("A").hello(0, 0);
        a.connection.receive(setNote(1, "O1", "x"));
        a.connection.receive(setNote(2, "O2", "x"));
        a.connection.receive(setNote(3, "O1", "again"));
        a.connection.receive(new ClientMessage.Remove(4, 1, "O1", 2, null, true));
        a.connection.receive(setNote(5, "O1", "late"));
        HubMessage.Rejected rejected = (HubMessage.Rejected) a.last();
        assertEquals(Reason.ORDER_REMOVED, rejected.reason());
        a.connection.receive(setNote(6, "O3", "x"));

        List<Long> numbers = new ArrayList<>();
        for (HubMessage message : a.inbox) {
            if (message instanceof HubMessage.Change change) {
                numbers.add(change.number());
            }
        }
        assertEquals(List.of(1L, 2L, 1L, 3L), numbers);
    }

    @Test
    void reportsOperationsItCouldNotApply() {
        Peer a = peer("A").hello(0, 0);
        a.connection.receive(new ClientMessage.Mutate(1, 1, "O1", 0, null, List.of(
                new Op.Set(List.of(PathStep.key("note")), TextNode.valueOf("x")),
                new Op.Add(List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf("L9")),
                        PathStep.key("qty")), IntNode.valueOf(1)))));
        HubMessage.Ack ack = (HubMessage.Ack) a.inbox.get(a.inbox.size() - 2);
        assertEquals(Reason.ELEMENT_REMOVED, ack.dropped().get(0).reason());
        assertEquals(1, ((HubMessage.Change) a.last()).ops().size());
    }

    @Test
    void replaysTheLogOrSendsASnapshotWhenItIsTooOld() {
        Peer a = peer("A").hello(0, 0);
        for (int i = 1; i <= 6; i++) {
            a.connection.receive(setNote(i, "O1", "n" + i));
        }
        Peer recent = peer("B").hello(1, 4);
        assertEquals(new HubMessage.Welcome("s", "B", 1, 6, 0), recent.inbox.get(0));
        assertEquals(List.of(5L, 6L), recent.inbox.subList(1, 3).stream()
                .map(m -> ((HubMessage.Event) m).seq()).toList());

        Peer old = peer("C").hello(1, 1);
        HubMessage.Snapshot snapshot = (HubMessage.Snapshot) old.last();
        assertEquals(6, snapshot.seq());
        assertEquals("n6", snapshot.orders().get(0).data().get("note").asText());
    }

    @Test
    void aRestartedHubContinuesAndAResetStartsANewRun() {
        Peer a = peer("A").hello(0, 0);
        a.connection.receive(setNote(1, "O1", "x"));
        hub.close();
        hub = Hub.builder().store(store).sameThread().build();
        Peer again = peer("A").hello(1, 1);
        assertEquals(new HubMessage.Welcome("s", "A", 1, 1, 1), again.inbox.get(0));
        again.connection.receive(setNote(2, "O2", "y"));
        assertEquals(2, ((HubMessage.Change) again.last()).seq());

        assertEquals(2, hub.resetSession("s"));
        HubMessage.Snapshot snapshot = (HubMessage.Snapshot) again.last();
        assertEquals(2, snapshot.runId());
        assertTrue(snapshot.orders().isEmpty());
        again.connection.receive(setNote(3, "O3", "old run"));
        assertEquals(Reason.STALE_RUN, ((HubMessage.Rejected) again.last()).reason());
    }
}
