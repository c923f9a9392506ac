package dev.multisession.sample.restaurant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kitchen screen's printing rule; the kitchen screen is the only terminal that prints
 * kitchen tickets.
 *
 * <p>Why a line is printed exactly once, even when two waiters press "send" at the same time
 * or a waiter's old "send" reaches the hub late: waiters never write what the kitchen printed;
 * they only set {@code fired}, which goes from false to true and never back, so repeating it
 * changes nothing. The kitchen screen alone writes {@code sent_qty} and {@code kitchen_state},
 * and it runs this pass inside its own edit of the order, so it sees its earlier marks even
 * before the hub has confirmed them, and marks a line before the ticket leaves the edit. A
 * quantity added to a line after it was printed goes out as a new ticket for the difference.
 */
public final class KitchenPass {

    private KitchenPass() {}

    /**
     * Takes what the kitchen has to print for {@code order} and marks it printed.
     *
     * <p>Call it only on the kitchen screen, inside that terminal's edit of the order, and print
     * the ticket after the edit returned (the mark is then in the terminal's durable outbox).
     *
     * @return the ticket to print, or empty when nothing in the order awaits the kitchen
     */
    public static Optional<KitchenTicket> take(RestaurantOrder order) {
        List<KitchenTicket.Item> items = new ArrayList<>();
        for (RestaurantOrderline line : order.getLines()) {
            if (line.awaitsKitchen()) {
                items.add(new KitchenTicket.Item(line.getUid(), line.getProduct(), line.unsentQty(),
                        line.getKitchenNote()));
                line.setSentQty(line.getQty());
            }
            if (line.isFired() && line.getKitchenState() != KitchenState.SENT) {
                line.setKitchenState(KitchenState.SENT);
            }
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KitchenTicket(order.getUid(), order.getTable(), order.getOrderNote(), items));
    }
}
