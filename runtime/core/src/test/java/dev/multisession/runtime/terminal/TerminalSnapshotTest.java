package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A snapshot says which of the terminal's own mutations it holds, so none of them is counted twice. */
class TerminalSnapshotTest {

    private final InMemoryHubStore hubStore = new InMemoryHubStore();
    private final Hub hub = Hub.builder().store(hubStore).logSize(2).sameThread().build();

    private Terminal<Tab> terminal(String id, ScriptedTransport transport) {
        return Terminal.builder(Tab.CODEC).session("bistro").terminalId(id).transport(transport)
                .executor(Runnable::run).build().start();
    }

    @Test
    void aLostAckFollowedByAGapAndASnapshotDoesNotCountTheDeltaTwice() {
        ScriptedTransport toA = new ScriptedTransport(hub, new TerminalIdentity("bistro", "A"));
        ScriptedTransport toB = new ScriptedTransport(hub, new TerminalIdentity("bistro", "B"));
        Terminal<Tab> a = terminal("A", toA);
        Terminal<Tab> b = terminal("B", toB);
        toA.deliverAll();
        toB.deliverAll();
        Tab onA = a.newOrder(t -> t.qty = 1);
        toA.deliverAll();
        toB.deliverAll();

        // A's +1 reaches the hub, but its ack and its change coming back are lost
        toA.loseIncoming = m -> m instanceof HubMessage.Ack
                || m instanceof HubMessage.Change change && change.author().terminal().equals("A");
        a.edit(onA, t -> t.qty += 1);
        toA.deliverAll();
        toA.loseIncoming = m -> false;
        assertEquals(1, a.pendingMutations());

        // B's changes push A's position out of the hub's log: A sees a gap, asks, and gets a snapshot
        Tab onB = b.order(onA.uid);
        for (int i = 0; i < 3; i++) {
            int n = i;
            b.edit(onB, t -> t.note = "note " + n);
        }
        toB.deliverAll();
        List<HubMessage> seen = new ArrayList<>();
        Predicate<HubMessage> record = m -> {
            seen.add(m);
            return false;
        };
        toA.loseIncoming = record;
        toA.deliverAll();

        assertTrue(seen.stream().anyMatch(m -> m instanceof HubMessage.Snapshot), "the gap was closed by a snapshot");
        assertTrue(toA.sent.stream().anyMatch(m -> m instanceof ClientMessage.Sync));
        HubMessage.Snapshot snapshot = (HubMessage.Snapshot) seen.stream()
                .filter(m -> m instanceof HubMessage.Snapshot).findFirst().orElseThrow();
        assertEquals(2, snapshot.lastMutationId(), "A's create and its +1");
        long hubQty = hubStore.inSession("bistro", tx -> tx.order(onA.uid).orElseThrow().data().get("qty").asLong());
        assertEquals(2, hubQty);
        assertEquals(0, a.pendingMutations(), "the snapshot holds the +1");
        assertEquals(2, a.visibleState(onA.uid).get("qty").asLong(), "shown once, not twice");
        assertEquals(2, onA.qty);
        assertEquals("note 2", onA.note);
    }

    @Test
    void aSnapshotAfterClosingTheDayNamesWhatTheOldRunHandled() {
        ScriptedTransport toA = new ScriptedTransport(hub, new TerminalIdentity("bistro", "A"));
        Terminal<Tab> a = terminal("A", toA);
        toA.deliverAll();
        a.newOrder(t -> t.note = "lunch");
        toA.deliverAll();
        List<HubMessage.Snapshot> snapshots = new ArrayList<>();
        toA.loseIncoming = m -> {
            if (m instanceof HubMessage.Snapshot snapshot) {
                snapshots.add(snapshot);
            }
            return false;
        };
        hub.resetSession("bistro");
        toA.deliverAll();
        assertEquals(1, snapshots.size());
        assertEquals(2, snapshots.get(0).runId());
        assertEquals(1, snapshots.get(0).lastMutationId());
        assertEquals(List.of(), a.orders());
    }
}
