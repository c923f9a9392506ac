package dev.multisession.blackbox;

/** Only inherits, and binds the line type: the derived codec makes RestaurantOrderline lines. */
public class BarOrder extends Order<RestaurantOrderline> {
}
