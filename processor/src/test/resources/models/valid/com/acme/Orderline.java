package com.acme;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;

public class Orderline {
    @MultiSessionId String uid;
    @MultiSessionField(value = "qty", merge = Merge.COUNTER) int quantity;
    @MultiSessionField("price_unit") private BigDecimal price;
    @MultiSessionField private boolean printed;
    @MultiSessionField String note;

    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public boolean isPrinted() { return printed; }
    public void setPrinted(boolean printed) { this.printed = printed; }
}
