package dev.multisession.sample.restaurant;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.sample.pos.Orderline;
import java.math.BigDecimal;

/**
 * A line of a {@link RestaurantOrder}: adds a note for the cook and where the line stands with
 * the kitchen.
 *
 * <p>Each kitchen field has exactly one kind of writer, which is what keeps a ticket from being
 * printed twice: waiters only ever set {@code fired} (from false to true, so a late or repeated
 * "send" changes nothing), and only the kitchen screen writes {@code sent_qty} and
 * {@code kitchen_state}, reading its own writes before it prints again. See {@link KitchenPass}.
 */
public class RestaurantOrderline extends Orderline {

    @MultiSessionField("kitchen_note")
    private String kitchenNote;

    @MultiSessionField("fired")
    private boolean fired;

    @MultiSessionField("sent_qty")
    private int sentQty;

    @MultiSessionField("kitchen_state")
    private KitchenState kitchenState = KitchenState.TO_SEND;

    /** For the generated codec; application code uses {@link #RestaurantOrderline(String, BigDecimal, int)}. */
    public RestaurantOrderline() {}

    /** A new line with a fresh uid, not yet sent to the kitchen. */
    public RestaurantOrderline(String product, BigDecimal price, int qty) {
        super(product, price, qty);
    }

    /**
     * A copy with a fresh uid and the same kitchen progress, for moving the line to another order
     * when a bill is split: the kitchen does not print it again.
     */
    public RestaurantOrderline copyForSplit() {
        RestaurantOrderline copy = new RestaurantOrderline(getProduct(), getPrice(), getQty());
        copy.setDiscount(getDiscount());
        copy.setNote(getNote());
        copy.kitchenNote = kitchenNote;
        copy.fired = fired;
        copy.sentQty = sentQty;
        copy.kitchenState = kitchenState;
        return copy;
    }

    /** The quantity the kitchen has not printed yet; negative when the waiter took some back. */
    public int unsentQty() {
        return getQty() - sentQty;
    }

    /** Whether the kitchen still has something to print for this line (a ticket or a cancellation). */
    public boolean awaitsKitchen() {
        return fired && unsentQty() != 0;
    }

    public String getKitchenNote() {
        return kitchenNote;
    }

    public void setKitchenNote(String kitchenNote) {
        this.kitchenNote = kitchenNote;
    }

    public boolean isFired() {
        return fired;
    }

    public void setFired(boolean fired) {
        this.fired = fired;
    }

    public int getSentQty() {
        return sentQty;
    }

    public void setSentQty(int sentQty) {
        this.sentQty = sentQty;
    }

    public KitchenState getKitchenState() {
        return kitchenState;
    }

    public void setKitchenState(KitchenState kitchenState) {
        this.kitchenState = kitchenState;
    }
}
