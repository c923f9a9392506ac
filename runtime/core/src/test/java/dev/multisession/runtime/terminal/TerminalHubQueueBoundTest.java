package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A terminal whose window is larger than what the hub lets one connection queue still gets every edit in, once. */
class TerminalHubQueueBoundTest {

    private static final int EDITS = 40;

    @Test
    void mutationsRefusedForAFullQueueAreResentAndAppliedOnce() throws Exception {
        InMemoryHubStore store = new InMemoryHubStore();
        AtomicInteger rateLimited = new AtomicInteger();
        try (Hub hub = Hub.builder().store(store).workers(2).queueLimits(6, 3).build()) {
            HubEndpoint counting = (identity, sink) -> hub.connect(identity, message -> {
                if (message instanceof HubMessage.Error error && Reason.RATE_LIMITED.equals(error.code())) {
                    rateLimited.incrementAndGet();
                }
                sink.send(message);
            });
            InMemoryTransport transport = new InMemoryTransport(counting, new TerminalIdentity("bistro", "A"));
            transport.setOnline(false);
            Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A")
                    .transport(transport).executor(Runnable::run).maxInFlight(8).build().start();
            try {
                Tab tab = terminal.newOrder();
                for (int i = 1; i < EDITS; i++) {
                    terminal.edit(tab, t -> t.qty++);
                }
                transport.setOnline(true);
                awaitEmptyOutbox(terminal);
                assertTrue(rateLimited.get() > 0, "the hub's bound was never reached");
                long qty = store.inSession("bistro", tx -> tx.order(tab.uid).orElseThrow().data().get("qty").asLong());
                assertEquals(EDITS - 1, qty, "every edit once");
                assertEquals((long) EDITS, (long) store.inSession("bistro", tx -> tx.head().seq()), "one event per mutation");
            } finally {
                terminal.close();
            }
        }
    }

    /**
     * Waits until the outbox is empty, failing only when it stops shrinking. Each refused burst
     * makes the terminal pause (doubling up to {@link SyncProtocol#MAX_PAUSE}), so on a loaded
     * machine draining takes several long pauses; a budget for the whole drain is a guess, while
     * no acknowledgement through several of the longest pauses is a real stall.
     */
    private static void awaitEmptyOutbox(Terminal<Tab> terminal) throws InterruptedException {
        long stallLimit = SyncProtocol.MAX_PAUSE.multipliedBy(3).toNanos();
        int pending = terminal.pendingMutations();
        long lastProgress = System.nanoTime();
        while (!(terminal.isOnline() && terminal.pendingMutations() == 0)) {
            int now = terminal.pendingMutations();
            if (now < pending) {
                pending = now;
                lastProgress = System.nanoTime();
            }
            assertTrue(System.nanoTime() - lastProgress < stallLimit,
                    "no mutation acknowledged for " + TimeUnit.NANOSECONDS.toSeconds(stallLimit) + " s; " + now + " pending");
            Thread.sleep(20);
        }
    }
}
