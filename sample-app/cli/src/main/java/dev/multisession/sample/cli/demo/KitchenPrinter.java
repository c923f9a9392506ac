package dev.multisession.sample.cli.demo;

import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.sample.restaurant.KitchenPass;
import dev.multisession.sample.restaurant.KitchenTicket;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kitchen screen's printer: whenever an order reaches the kitchen screen, it runs the
 * {@link KitchenPass} in the kitchen terminal's own edit and prints what the pass took. Only the
 * kitchen station has one, so only the kitchen prints.
 */
public final class KitchenPrinter implements TerminalListener<RestaurantOrder> {

    private final Station kitchen;
    private final List<KitchenTicket> printed = new ArrayList<>();

    KitchenPrinter(Station kitchen) {
        this.kitchen = kitchen;
    }

    @Override
    public void orderAdded(RestaurantOrder order) {
        passLater(order);
    }

    @Override
    public void orderUpdated(RestaurantOrder order, Set<String> changedKeys) {
        if (changedKeys.contains("lines")) {
            passLater(order);
        }
    }

    /** Every ticket printed so far, in order. */
    public synchronized List<KitchenTicket> printed() {
        return List.copyOf(printed);
    }

    // Not inside the listener call: the pass is an edit of its own, run right after on the same thread.
    private void passLater(RestaurantOrder order) {
        kitchen.later(() -> {
            if (!kitchen.terminal().orders().contains(order)) {
                return;
            }
            KitchenTicket[] ticket = new KitchenTicket[1];
            kitchen.terminal().edit(order, o -> ticket[0] = KitchenPass.take(o).orElse(null));
            Optional.ofNullable(ticket[0]).ifPresent(this::print);
        });
    }

    private void print(KitchenTicket ticket) {
        synchronized (this) {
            printed.add(ticket);
        }
        kitchen.does("PRINTS " + ticket.render().replace(System.lineSeparator(), " /"));
    }
}
