package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.transport.ForwardingTerminalTransport;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A terminal keeps at most a window of mutations in flight, and recovers from resends and rate limiting. */
class TerminalFlowControlTest {

    private static final int EDITS = 300;
    private static final int WINDOW = 8;

    private final InMemoryHubStore hubStore = new InMemoryHubStore();
    private final Hub hub = Hub.builder().store(hubStore).sameThread().build();
    private final ScriptedTransport transport = new ScriptedTransport(hub, new TerminalIdentity("bistro", "A"));
    private final Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A")
            .transport(transport).executor(Runnable::run).maxInFlight(WINDOW).build();

    /** Makes {@link #EDITS} mutations while offline and returns the order. */
    private Tab editOffline() {
        transport.offline();
        terminal.start();
        Tab tab = terminal.newOrder();
        for (int i = 1; i < EDITS; i++) {
            terminal.edit(tab, t -> t.qty++);
        }
        assertEquals(EDITS, terminal.pendingMutations());
        return tab;
    }

    private long hubQty(Tab tab) {
        return hubStore.inSession("bistro", tx -> tx.order(tab.uid).map(o -> o.data().get("qty").asLong()).orElse(-1L));
    }

    @Test
    void aLongOutboxGoesOutOneWindowAtATime() {
        Tab tab = editOffline();
        AtomicLong acked = new AtomicLong();
        AtomicLong maxInFlight = new AtomicLong();
        transport.loseIncoming = m -> {
            if (m instanceof HubMessage.Ack ack) {
                acked.accumulateAndGet(ack.mutationId(), Math::max);
            }
            return false;
        };
        transport.online();
        transport.deliverOne(); // welcome: the first window goes out
        assertEquals(WINDOW, transport.sentMutationIds().size(), "one window before any ack");
        while (transport.deliverOne()) {
            List<Long> ids = transport.sentMutationIds();
            long highest = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
            maxInFlight.accumulateAndGet(highest - acked.get(), Math::max);
        }
        assertTrue(maxInFlight.get() <= WINDOW, "in flight at most " + WINDOW + ", was " + maxInFlight.get());
        assertEquals(EDITS, transport.sentMutationIds().size(), "each mutation sent once");
        assertEquals(0, terminal.pendingMutations());
        assertEquals(EDITS - 1, hubQty(tab));
    }

    @Test
    void aLostMutationIsResentFromTheFirstUnacknowledgedWithoutAStorm() {
        Tab tab = editOffline();
        AtomicBoolean lostOnce = new AtomicBoolean();
        transport.loseOutgoing = m -> m instanceof ClientMessage.Mutate mutate && mutate.mutationId() == 20
                && lostOnce.compareAndSet(false, true);
        transport.online();
        transport.deliverAll();

        assertEquals(0, terminal.pendingMutations());
        assertEquals(EDITS - 1, hubQty(tab));
        int sends = transport.sentMutationIds().size();
        assertTrue(sends <= EDITS + 2 * WINDOW, "re-sent the window once, not once per resend: " + sends + " sends");
    }

    @Test
    void rateLimitedMessagesArePausedForAndSentAgain() throws Exception {
        Tab tab = editOffline();
        AtomicBoolean limited = new AtomicBoolean();
        // the hub drops mutation 50 for exceeding its rate and says so, as the WebSocket server does
        transport.loseOutgoing = m -> {
            if (m instanceof ClientMessage.Mutate mutate && mutate.mutationId() == 50 && limited.compareAndSet(false, true)) {
                transport.inject(new HubMessage.Error(Reason.RATE_LIMITED, "more than 200 messages per second", null));
                return true;
            }
            return false;
        };
        transport.online();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (terminal.pendingMutations() > 0 && System.nanoTime() < deadline) {
            transport.deliverAll();
            Thread.sleep(10);
        }
        assertTrue(limited.get());
        assertEquals(0, terminal.pendingMutations());
        assertEquals(EDITS - 1, hubQty(tab));
        int sends = transport.sentMutationIds().size();
        assertTrue(sends <= EDITS + 2 * WINDOW, "paused, then re-sent once: " + sends + " sends");
    }

    @Test
    void theWindowAlsoHoldsOverTheInMemoryTransport() throws Exception {
        InMemoryHubStore store = new InMemoryHubStore();
        Hub inMemoryHub = Hub.builder().store(store).sameThread().build();
        InMemoryTransport inMemory = new InMemoryTransport(inMemoryHub, new TerminalIdentity("bistro", "B"));
        inMemory.setOnline(false);
        AtomicLong highestSent = new AtomicLong();
        AtomicLong highestAcked = new AtomicLong();
        AtomicLong maxInFlight = new AtomicLong();
        ManualExecutor ui = new ManualExecutor();
        Terminal<Tab> b = Terminal.builder(Tab.CODEC).session("bistro").terminalId("B").executor(ui).maxInFlight(WINDOW)
                .transport(new CountingTransport(inMemory, highestSent, highestAcked, maxInFlight)).build().start();
        try {
            Tab tab = b.newOrder();
            for (int i = 1; i < EDITS; i++) {
                b.edit(tab, t -> t.qty++);
            }
            inMemory.setOnline(true);
            ui.runUntilQuiet(300);
            assertEquals(0, b.pendingMutations());
            assertTrue(maxInFlight.get() <= WINDOW, "in flight: " + maxInFlight.get());
            assertEquals(EDITS - 1L, (long) store.inSession("bistro", tx -> tx.order(tab.uid).orElseThrow().data().get("qty").asLong()));
        } finally {
            b.close();
            inMemoryHub.close();
        }
    }

    /** Counts mutations sent against acks the terminal has been handed. */
    private static final class CountingTransport extends ForwardingTerminalTransport {
        private final AtomicLong highestSent;
        private final AtomicLong highestAcked;
        private final AtomicLong maxInFlight;

        CountingTransport(InMemoryTransport delegate, AtomicLong highestSent, AtomicLong highestAcked,
                AtomicLong maxInFlight) {
            super(delegate);
            this.highestSent = highestSent;
            this.highestAcked = highestAcked;
            this.maxInFlight = maxInFlight;
        }

        @Override
        protected Listener listen(Listener terminal) {
            return new ForwardingListener(terminal) {
                @Override
                public void received(HubMessage message) {
                    if (message instanceof HubMessage.Ack ack) {
                        highestAcked.accumulateAndGet(ack.mutationId(), Math::max);
                    }
                    super.received(message);
                }
            };
        }

        @Override
        public boolean send(ClientMessage message) {
            if (message instanceof ClientMessage.Mutate mutate) {
                highestSent.accumulateAndGet(mutate.mutationId(), Math::max);
                maxInFlight.accumulateAndGet(mutate.mutationId() - highestAcked.get(), Math::max);
            }
            return super.send(message);
        }
    }
}
