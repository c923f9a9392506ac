package dev.multisession.sample.restaurant;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.sample.pos.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** A restaurant order: the core order plus its table, floor, guest count and a note for the kitchen. */
public class RestaurantOrder extends Order<RestaurantOrderline> {

    @MultiSessionField
    private String table;

    @MultiSessionField
    private String floor;

    @MultiSessionField
    private int guests;

    /** A note about the whole order printed on every kitchen ticket (the core {@code note} is for the receipt). */
    @MultiSessionField("order_note")
    private String orderNote;

    /** For the generated codec; application code uses {@link #open(String, String, int, Instant)}. */
    public RestaurantOrder() {}

    /** A new, empty order for a table, with a fresh uid. */
    public static RestaurantOrder open(String table, String floor, int guests, Instant now) {
        RestaurantOrder order = new RestaurantOrder();
        order.setUid(UUID.randomUUID().toString());
        order.setCreatedAt(now);
        order.table = table;
        order.floor = floor;
        order.guests = guests;
        return order;
    }

    /**
     * Adds one unit of a product: to the line of the same product and price that has not been
     * sent to the kitchen yet, or as a new line.
     *
     * @return the line that holds the product
     */
    public RestaurantOrderline addProduct(String product, BigDecimal price, int qty) {
        for (RestaurantOrderline line : getLines()) {
            if (!line.isFired() && line.getProduct().equals(product) && line.getPrice().compareTo(price) == 0) {
                line.changeQty(qty);
                return line;
            }
        }
        RestaurantOrderline line = new RestaurantOrderline(product, price, qty);
        addLine(line);
        return line;
    }

    /**
     * Asks the kitchen to prepare every line not yet asked for.
     *
     * @return the lines this call fired (empty if every line had been fired already)
     */
    public List<RestaurantOrderline> fire() {
        List<RestaurantOrderline> fired = getLines().stream()
                .filter(line -> !line.isFired())
                .collect(Collectors.toList());
        fired.forEach(line -> line.setFired(true));
        return fired;
    }

    public String getTable() {
        return table;
    }

    public void setTable(String table) {
        this.table = table;
    }

    public String getFloor() {
        return floor;
    }

    public void setFloor(String floor) {
        this.floor = floor;
    }

    public int getGuests() {
        return guests;
    }

    public void setGuests(int guests) {
        this.guests = guests;
    }

    public String getOrderNote() {
        return orderNote;
    }

    public void setOrderNote(String orderNote) {
        this.orderNote = orderNote;
    }
}
