package com.acme;

public abstract class DiscountedOrder<K extends Orderline> extends Order<K> {
    double discount;
}
