package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;

/** A line the kitchen prints. */
public class RestaurantOrderline extends Orderline {
    @MultiSessionField("kitchen_printed") public boolean kitchenPrinted;
    @MultiSessionField public Course course = Course.MAIN;
}
