package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An order's uid is a key of the hub's store and has at most 500 characters; the hub refuses a
 * longer one as malformed without consuming the mutation's id, so a terminal refuses to create
 * such an order instead of sending it and holding back its outbox.
 */
class OrderUidLengthTest {

    @Test
    void anOrderWhoseIdIsTooLongForTheHubIsNeitherCreatedNorSent() throws Exception {
        InMemoryHubStore store = new InMemoryHubStore();
        AtomicInteger length = new AtomicInteger(501);
        try (Hub hub = Hub.builder().store(store).sameThread().build();
                InMemoryTransport transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", "A"));
                Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId("A")
                        .transport(transport).executor(Runnable::run).orderIds(() -> "x".repeat(length.get())).build()) {
            terminal.start();
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, terminal::newOrder);
            assertTrue(refused.getMessage().contains("its id has 501 characters; an order's id has at most 500"),
                    refused.getMessage().substring(refused.getMessage().length() - 120));
            assertEquals(List.of(), terminal.orders(), "nothing was created");
            assertEquals(0, terminal.pendingMutations(), "nothing waits to be sent");

            length.set(500);
            Edit<Tab> created = terminal.create(tab -> {});
            Confirmation confirmed = created.await(Duration.ofSeconds(60));
            assertEquals(1, confirmed.number(), "the hub took an id of 500 characters");
            boolean stored = store.inSession("bistro", tx -> tx.order(created.orderId()).isPresent());
            assertTrue(stored, "the hub stored it");
        }
    }
}
