package dev.multisession.blackbox;

/** A class in between that syncs nothing itself. */
public abstract class DiscountedOrder<K extends Orderline> extends Order<K> {
    public double localDiscount;
}
