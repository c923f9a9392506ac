package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver carries out effects in the order they were decided, whatever the listeners do meanwhile. */
class SyncDriverTest {

    private final HandDrivenTransport transport = new HandDrivenTransport();
    private final ManualExecutor ui = new ManualExecutor();
    private final InMemoryTerminalStore store = new InMemoryTerminalStore();
    private final Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("T1")
            .transport(transport).store(store).executor(ui).maxInFlight(2).build();

    @Test
    void anEditMadeByAListenerIsSentAfterTheMutationsAlreadyDue() throws Exception {
        Tab tab = terminal.newOrder();
        terminal.edit(tab, t -> t.qty++);
        terminal.edit(tab, t -> t.qty++);
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void orderAdded(Tab added) {
                terminal.edit(added, t -> t.note = "seen on T1");
            }
        });
        terminal.start();
        transport.listener.connected();
        ui.runNext();
        transport.listener.received(new HubMessage.Welcome("bistro", "T1", 1, 0, 0));
        ui.runNext(); // mutations 1 and 2 fill the window

        // one run: another terminal's new order, then the ack that frees the window for mutation 3;
        // the listener's edit of the new order (mutation 4) is decided while the run is handled
        transport.listener.received(new HubMessage.Change(1, 1, "x", 1, 1,
                new Author("T2", "bob", Instant.parse("2026-11-28T19:30:00Z")), 1,
                List.of(set("uid", "x"), set("note", "from T2"))));
        transport.listener.received(new HubMessage.Ack(2, 1, false, List.of()));
        ui.runNext();

        assertEquals(List.of(1L, 2L, 3L, 4L), transport.sentMutationIds());
        assertEquals("seen on T1", terminal.visibleState("x").get("note").asText());
        assertNotNull(store.load().outbox().stream().filter(m -> m instanceof ClientMessage.Mutate mutate
                && mutate.mutationId() == 4).findFirst().orElse(null), "the listener's edit is stored");
    }

    @Test
    void aThrowingListenerDoesNotStopTheTerminal() throws Exception {
        List<String> notes = new ArrayList<>();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void connectionChanged(boolean online) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void orderAdded(Tab order) {
                notes.add(order.note);
            }
        });
        terminal.start();
        transport.listener.connected();
        ui.runNext();
        transport.listener.received(new HubMessage.Welcome("bistro", "T1", 1, 0, 0));
        ui.runNext(); // the listener throws; the mailbox logs it and goes on
        transport.listener.received(new HubMessage.Change(1, 1, "x", 1, 1,
                new Author("T2", "bob", Instant.parse("2026-11-28T19:30:00Z")), 1, List.of(set("note", "later"))));
        ui.runNext();

        assertEquals(List.of("later"), notes);
        assertEquals(1, terminal.lastSeq());
    }

    @Test
    void aThrowingListenerLosesNothingElseOfTheSameRunOfMessages() throws Exception {
        List<String> notes = new ArrayList<>();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void connectionChanged(boolean online) {
                throw new IllegalStateException("listener bug");
            }
        });
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void orderAdded(Tab order) {
                notes.add(order.note);
            }
        });
        terminal.start();
        transport.listener.connected();
        ui.runNext();
        // the welcome and a change arrive together and are handled as one run
        transport.listener.received(new HubMessage.Welcome("bistro", "T1", 1, 0, 0));
        transport.listener.received(new HubMessage.Change(1, 1, "x", 1, 1,
                new Author("T2", "bob", Instant.parse("2026-11-28T19:30:00Z")), 1, List.of(set("note", "later"))));
        ui.runNext();

        assertEquals(List.of("later"), notes, "the change after the failing listener call was applied");
        assertEquals(1, terminal.lastSeq());
        assertTrue(terminal.isOnline());
    }

    private static Op set(String key, String value) {
        return new Op.Set(List.of(PathStep.key(key)), TextNode.valueOf(value));
    }

    /** A transport the test speaks for: it records what is sent and calls the listener when told. */
    private static final class HandDrivenTransport implements TerminalTransport {
        Listener listener;
        final List<ClientMessage> sent = new ArrayList<>();

        @Override
        public void start(Listener listener) {
            this.listener = listener;
        }

        @Override
        public boolean send(ClientMessage message) {
            sent.add(message);
            return true;
        }

        @Override
        public void close() {}

        List<Long> sentMutationIds() {
            return sent.stream().filter(m -> m instanceof ClientMessage.Mutate)
                    .map(m -> ((ClientMessage.Mutate) m).mutationId()).toList();
        }
    }
}
