package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;

/** Binds the line type and adds fields of its own. */
public class RestaurantOrder extends DiscountedOrder<RestaurantOrderline> {
    @MultiSessionField("table_id") public String tableId;
    @MultiSessionField public int guests;
}
