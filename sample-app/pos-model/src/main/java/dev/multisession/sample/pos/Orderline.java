package dev.multisession.sample.pos;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * One line of an {@link Order}: a product, its unit price, a discount in percent and a quantity.
 *
 * <p>The quantity is a {@link Merge#COUNTER}: when two terminals change it at the same time,
 * their changes add up instead of one overwriting the other.
 */
public class Orderline {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @MultiSessionId
    private String uid;

    @MultiSessionField
    private String product;

    @MultiSessionField
    private BigDecimal price = BigDecimal.ZERO;

    @MultiSessionField
    private BigDecimal discount = BigDecimal.ZERO;

    @MultiSessionField
    private String note;

    @MultiSessionField(merge = Merge.COUNTER)
    private int qty;

    /** For the generated codec; application code uses {@link #Orderline(String, BigDecimal, int)}. */
    public Orderline() {}

    /** A new line with a fresh uid. */
    public Orderline(String product, BigDecimal price, int qty) {
        this.uid = UUID.randomUUID().toString();
        this.product = product;
        this.price = price;
        this.qty = qty;
    }

    /** Price times quantity, less the discount, rounded to cents. */
    public BigDecimal subtotal() {
        BigDecimal gross = price.multiply(BigDecimal.valueOf(qty));
        BigDecimal kept = HUNDRED.subtract(discount).divide(HUNDRED);
        return gross.multiply(kept).setScale(2, RoundingMode.HALF_UP);
    }

    /** Adds {@code delta} (may be negative) to the quantity, which never goes below zero. */
    public void changeQty(int delta) {
        qty = Math.max(0, qty + delta);
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public BigDecimal getDiscount() {
        return discount;
    }

    public void setDiscount(BigDecimal discount) {
        this.discount = discount;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public int getQty() {
        return qty;
    }

    public void setQty(int qty) {
        this.qty = qty;
    }

    @Override
    public String toString() {
        return qty + " x " + product + " @ " + price.toPlainString();
    }
}
