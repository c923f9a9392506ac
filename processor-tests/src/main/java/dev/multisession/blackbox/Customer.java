package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** A nested model with an id. */
public class Customer {
    @MultiSessionId
    public long id;
    @MultiSessionField
    public String name;
}
