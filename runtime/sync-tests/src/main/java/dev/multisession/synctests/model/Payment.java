package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.math.BigDecimal;

/** A payment made towards an order. */
public class Payment {
    @MultiSessionId public String uid;
    @MultiSessionField public String method;
    @MultiSessionField public BigDecimal amount;

    public Payment() {}

    public Payment(String uid, String method, BigDecimal amount) {
        this.uid = uid;
        this.method = method;
        this.amount = amount;
    }
}
