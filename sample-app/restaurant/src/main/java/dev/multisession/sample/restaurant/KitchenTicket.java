package dev.multisession.sample.restaurant;

import java.util.List;
import java.util.Objects;

/**
 * What the kitchen printer prints for one order at one time.
 *
 * @param orderUid the order's uid
 * @param table the order's table
 * @param orderNote the note about the whole order, or null
 * @param items the lines to prepare (or, with a negative quantity, to stop preparing)
 */
public record KitchenTicket(String orderUid, String table, String orderNote, List<Item> items) {

    public KitchenTicket {
        Objects.requireNonNull(orderUid, "orderUid");
        items = List.copyOf(items);
    }

    /**
     * One line of a ticket.
     *
     * @param lineUid the order line it comes from
     * @param product the product's name
     * @param qty how many to prepare; negative when the waiter took some back
     * @param kitchenNote the cook's note, or null
     */
    public record Item(String lineUid, String product, int qty, String kitchenNote) {}

    /** The ticket as printed: a header line, then one line per item. */
    public String render() {
        StringBuilder text = new StringBuilder("KITCHEN table ").append(table);
        if (orderNote != null && !orderNote.isBlank()) {
            text.append(" [").append(orderNote).append(']');
        }
        for (Item item : items) {
            text.append(System.lineSeparator()).append("  ")
                    .append(item.qty() > 0 ? item.qty() + " x " : "CANCEL " + -item.qty() + " x ")
                    .append(item.product());
            if (item.kitchenNote() != null && !item.kitchenNote().isBlank()) {
                text.append(" (").append(item.kitchenNote()).append(')');
            }
        }
        return text.toString();
    }
}
