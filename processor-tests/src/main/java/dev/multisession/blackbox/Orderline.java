package dev.multisession.blackbox;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** An order line. */
public class Orderline {
    @MultiSessionId public String uid;
    @MultiSessionField("product_id") public int productId;
    @MultiSessionField(value = "qty", merge = Merge.COUNTER) public int quantity = 1;
    @MultiSessionField public String note;
}
