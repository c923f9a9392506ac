package dev.multisession.blackbox;

/** Only inherits synced fields: its codec is derived from RestaurantOrder's. */
public class TakeawayOrder extends RestaurantOrder {
    public String pickupName;
}
