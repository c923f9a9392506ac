package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hub bound to no model lets a client put a text into a counter; the terminal cannot apply it.
 * It must not stop: it tells its listeners once, asks for a snapshot, keeps applying the other
 * orders' changes, and says it is not in sync.
 */
class TerminalUnreadableChangeTest {

    private final Hub hub = Hub.builder().store(new InMemoryHubStore()).sameThread().build();
    private final List<String> desyncs = new ArrayList<>();

    private HubConnection rawClient() {
        HubConnection raw = hub.connect(new TerminalIdentity("bistro", "X"), message -> { });
        raw.receive(new ClientMessage.Hello("bistro", "X", null, 0, 0, 1));
        return raw;
    }

    private static ClientMessage.Mutate set(long id, String order, String key, com.fasterxml.jackson.databind.JsonNode value) {
        return new ClientMessage.Mutate(id, 1, order, 0, null, List.of(
                new Op.Set(List.of(PathStep.key("uid")), TextNode.valueOf(order)),
                new Op.Set(List.of(PathStep.key(key)), value)));
    }

    @Test
    void aChangeTheModelCannotTakeIsToldOnceAndLaterChangesAreStillApplied() {
        ScriptedTransport toA = new ScriptedTransport(hub, new TerminalIdentity("bistro", "A"));
        Terminal<Tab> a = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A").transport(toA)
                .executor(Runnable::run).build();
        a.addListener(new TerminalListener<>() {
            @Override
            public void desynced(String reason) {
                desyncs.add(reason);
            }
        });
        a.start();
        toA.deliverAll();
        HubConnection raw = rawClient();
        raw.receive(set(1, "o1", "qty", JsonNodeFactory.instance.numberNode(2)));
        toA.deliverAll();
        assertEquals(2, a.order("o1").qty);
        assertTrue(a.status().synced());

        raw.receive(set(2, "o1", "qty", TextNode.valueOf("abc")));
        raw.receive(set(3, "o1", "qty", TextNode.valueOf("def")));
        toA.deliverAll();
        // told once for the streak, and once more when the snapshot it asked for cannot be applied either
        assertEquals(2, desyncs.size(), "" + desyncs);
        assertTrue(desyncs.get(0).startsWith("order o1 cannot be applied: 'qty' must be an integer"), desyncs.get(0));
        assertTrue(desyncs.get(1).startsWith("the hub's snapshot cannot be applied: order o1"), desyncs.get(1));
        assertEquals(1, toA.sent.stream().filter(m -> m instanceof ClientMessage.Sync).count(),
                "one snapshot asked for, not one per failure");
        assertFalse(a.status().synced(), "never in sync while it cannot show the hub's state");
        assertNotNull(a.status().lastError());

        raw.receive(set(4, "o2", "note", TextNode.valueOf("window seat")));
        toA.deliverAll();
        assertEquals("window seat", a.order("o2").note, "later changes are still applied");
        assertEquals(2, a.order("o1").qty, "the order it could not apply keeps its last good state");
    }
}
