package dev.multisession.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.testing.example.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A terminal refuses, before anything is sent, an edit whose operations the hub would answer
 * {@code malformed} (docs/PROTOCOL.md, "Limits"): such a mutation would keep its id unconsumed
 * and stay first in the outbox, holding back every later change of the terminal.
 */
class EditLimitsTest {

    @Test
    void aNewOrderBeyondTheLimitsIsNeitherCreatedNorSent() {
        try (TestSession<Order> session = TestSession.start(Order.class, 2)) {
            Terminal<Order> a = session.terminal(0);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> a.newOrder(o -> o.note = "x".repeat(10_001)));
            assertTrue(refused.getMessage().contains("path [note]: the value is longer than 10000 characters"),
                    refused.getMessage());
            assertEquals(List.of(), a.orders(), "nothing was created");
            assertEquals(0, a.pendingMutations(), "nothing waits to be sent");

            Order order = a.newOrder(o -> o.note = "window seat");
            session.awaitQuiet();
            assertEquals("window seat", session.terminal(1).order(order.uid).note);
        }
    }

    @Test
    void anEditWithHalfASurrogatePairIsRefusedAndTheRepairGoesThrough() {
        try (TestSession<Order> session = TestSession.start(Order.class, 2)) {
            Terminal<Order> a = session.terminal(0);
            Order order = a.newOrder(o -> o.table = "T1");
            session.awaitQuiet();

            String cut = "tea \uD83C\uDF75".substring(0, 5); // a text cut in the middle of an emoji
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> a.edit(order, o -> o.note = cut));
            assertTrue(refused.getMessage().contains("lone UTF-16 surrogate"), refused.getMessage());
            assertEquals(0, a.pendingMutations(), "nothing waits to be sent");

            a.edit(order, o -> {
                o.note = "tea";
                o.guests = 2;
            });
            session.awaitQuiet();
            assertEquals("tea", session.terminal(1).order(order.uid).note);
            assertEquals(2, session.terminal(1).order(order.uid).guests);
            assertTrue(a.status().synced(), a.status().toString());
        }
    }
}
