package com.acme;

import dev.multisession.annotations.MultiSessionField;

public class RestaurantOrder extends DiscountedOrder<RestaurantOrderline> {
    @MultiSessionField("table_id") String tableId;
    @MultiSessionField int guests;
}
