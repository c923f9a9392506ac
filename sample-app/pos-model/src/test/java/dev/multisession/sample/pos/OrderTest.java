package dev.multisession.sample.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void subtotalAppliesTheDiscountAndRoundsToCents() {
        Orderline line = new Orderline("Espresso", new BigDecimal("2.35"), 3);
        line.setDiscount(new BigDecimal("10"));

        assertEquals(new BigDecimal("6.35"), line.subtotal());
    }

    @Test
    void totalAddsTheLines() {
        Order<Orderline> order = new Order<>("o-1", Instant.parse("2025-01-01T12:00:00Z"));
        order.addLine(new Orderline("Pizza", new BigDecimal("11.50"), 2));
        order.addLine(new Orderline("Water", new BigDecimal("2.00"), 1));

        assertEquals(new BigDecimal("25.00"), order.total());
    }

    @Test
    void quantityNeverGoesBelowZero() {
        Orderline line = new Orderline("Soup", new BigDecimal("6"), 1);
        line.changeQty(-3);

        assertEquals(0, line.getQty());
    }

    @Test
    void linesAreFoundAndRemovedByUid() {
        Order<Orderline> order = new Order<>("o-2", Instant.EPOCH);
        Orderline line = new Orderline("Tea", new BigDecimal("3"), 1);
        order.addLine(line);

        assertTrue(order.line(line.getUid()).isPresent());
        assertTrue(order.removeLine(line.getUid()));
        assertFalse(order.removeLine(line.getUid()));
        assertTrue(order.getLines().isEmpty());
    }
}
