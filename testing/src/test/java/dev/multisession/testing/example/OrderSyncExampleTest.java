package dev.multisession.testing.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.terminal.Edit;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.testing.LinkFaults;
import dev.multisession.testing.TestSession;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The example of docs/TESTING.md, as a user copies it: keep the two in step. */
class OrderSyncExampleTest {

    @Test
    void anOrderMadeAtTheBarReachesTheKitchen() {
        try (TestSession<Order> session = TestSession.start(Order.class, 2)) {
            Terminal<Order> bar = session.terminal(0);
            Terminal<Order> kitchen = session.terminal(1);

            Edit<Order> created = bar.create(o -> o.table = "T4");
            session.awaitQuiet();

            assertTrue(created.isConfirmed());
            assertEquals("T4", kitchen.order(created.order().uid).table);
        }
    }

    @Test
    void editsMadeOfflineArriveWhenTheTerminalIsBack() {
        try (TestSession<Order> session = TestSession.start(Order.class, 2)) {
            Terminal<Order> bar = session.terminal(0);
            Terminal<Order> kitchen = session.terminal(1);
            Order order = bar.newOrder(o -> o.table = "T7");
            session.awaitQuiet();

            session.offline(1);
            Order inKitchen = kitchen.order(order.uid);
            Edit<Order> offlineEdit = kitchen.edit(inKitchen, o -> o.guests += 2);
            bar.edit(order, o -> o.guests += 3);
            session.awaitQuiet();
            assertFalse(offlineEdit.isConfirmed());

            session.online(1);
            session.awaitQuiet();
            assertTrue(offlineEdit.isConfirmed());
            assertEquals(5, order.guests);
            assertEquals(5, inKitchen.guests);
        }
    }

    @Test
    void aBadNetworkLosesNothing() {
        try (TestSession<Order> session = TestSession.start(Order.class, 3, 42)) {
            session.link(2).faults(LinkFaults.NONE.drop(0.2).duplicate(0.2).delay(Duration.ofMillis(20))
                    .reorder(Duration.ofMillis(50)));
            Order order = session.terminal(0).newOrder(o -> o.table = "T1");
            session.awaitQuiet();
            Order onFlakyTerminal = session.terminal(2).order(order.uid);
            for (int i = 0; i < 20; i++) {
                session.terminal(2).edit(onFlakyTerminal, o -> o.guests++);
                session.advance(Duration.ofMillis(5));
            }
            session.link(2).faults(LinkFaults.NONE);   // heal the link, let the protocol catch up
            session.link(2).reset();
            session.awaitQuiet();

            for (Terminal<Order> terminal : session.terminals()) {
                assertEquals(20, terminal.order(order.uid).guests, terminal.terminalId());
            }
        }
    }
}
