package com.acme;

import dev.multisession.annotations.MultiSessionField;

public class RestaurantOrderline extends Orderline {
    @MultiSessionField boolean kitchenPrinted;
}
