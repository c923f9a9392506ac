package dev.multisession.synctests.model;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One product on an order; two waiters tapping +1 on it at once give +2. */
public class Orderline {
    @MultiSessionId public String uid;
    @MultiSessionField("product_id") public int product;
    @MultiSessionField public BigDecimal price = BigDecimal.ZERO;
    @MultiSessionField(value = "qty", merge = Merge.COUNTER) public int qty = 1;
    @MultiSessionField public String note;
    @MultiSessionField("mp_dirty") public boolean kitchenDirty;
    @MultiSessionField public List<Modifier> modifiers = new ArrayList<>();

    public Orderline() {}

    public Orderline(String uid, int product, BigDecimal price, int qty) {
        this.uid = uid;
        this.product = product;
        this.price = price;
        this.qty = qty;
    }
}
