package dev.multisession.sample.restaurant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitchenPassTest {

    @Test
    void onlyFiredLinesArePrintedAndThenMarkedSent() {
        RestaurantOrder order = RestaurantOrder.open("T1", "Main", 2, Instant.EPOCH);
        RestaurantOrderline soup = order.addProduct("Soup", new BigDecimal("6"), 2);
        order.fire();
        RestaurantOrderline tea = order.addProduct("Tea", new BigDecimal("3"), 1);

        KitchenTicket ticket = KitchenPass.take(order).orElseThrow();

        assertEquals(List.of(new KitchenTicket.Item(soup.getUid(), "Soup", 2, null)), ticket.items());
        assertEquals(KitchenState.SENT, soup.getKitchenState());
        assertEquals(KitchenState.TO_SEND, tea.getKitchenState());
    }

    @Test
    void aSecondPassPrintsNothingEvenWhenTheLineIsFiredAgain() {
        RestaurantOrder order = RestaurantOrder.open("T2", "Main", 2, Instant.EPOCH);
        RestaurantOrderline steak = order.addProduct("Steak", new BigDecimal("24"), 1);
        order.fire();
        KitchenPass.take(order).orElseThrow();

        steak.setFired(true); // a second waiter's late "send"

        assertTrue(KitchenPass.take(order).isEmpty());
    }

    @Test
    void quantityAddedAfterPrintingGoesOutAsTheDifference() {
        RestaurantOrder order = RestaurantOrder.open("T3", "Main", 4, Instant.EPOCH);
        order.setOrderNote("nut allergy");
        RestaurantOrderline fries = order.addProduct("Fries", new BigDecimal("4"), 2);
        order.fire();
        KitchenPass.take(order).orElseThrow();

        fries.changeQty(+1);
        KitchenTicket more = KitchenPass.take(order).orElseThrow();
        fries.changeQty(-2);
        KitchenTicket cancel = KitchenPass.take(order).orElseThrow();

        assertEquals(1, more.items().get(0).qty());
        assertEquals(-2, cancel.items().get(0).qty());
        assertEquals("KITCHEN table T3 [nut allergy]" + System.lineSeparator() + "  CANCEL 2 x Fries", cancel.render());
    }

    @Test
    void addProductMergesOnlyIntoLinesNotYetFired() {
        RestaurantOrder order = RestaurantOrder.open("T4", "Main", 2, Instant.EPOCH);
        RestaurantOrderline first = order.addProduct("Beer", new BigDecimal("5"), 1);
        assertEquals(first, order.addProduct("Beer", new BigDecimal("5"), 1));
        order.fire();

        RestaurantOrderline second = order.addProduct("Beer", new BigDecimal("5"), 1);

        assertEquals(2, first.getQty());
        assertEquals(2, order.getLines().size());
        assertEquals(1, second.getQty());
    }
}
