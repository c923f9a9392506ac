package dev.multisession.runtime.transport.websocket.model;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;

/** One product on an order; quantities add up when two terminals change them at once. */
public class Orderline {
    @MultiSessionId public String uid;
    @MultiSessionField("product_id") public int product;
    @MultiSessionField public BigDecimal price = BigDecimal.ZERO;
    @MultiSessionField(value = "qty", merge = Merge.COUNTER) public int qty = 1;

    public Orderline() {}

    public Orderline(String uid, int product, BigDecimal price, int qty) {
        this.uid = uid;
        this.product = product;
        this.price = price;
        this.qty = qty;
    }
}
