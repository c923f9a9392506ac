package dev.multisession.benchmarks.kinds;

import dev.multisession.annotations.MultiSessionField;
import java.util.UUID;

/** The guest an order is for: a nested model with synced fields of its own. */
public class Guest {
    @MultiSessionField
    public String name;
    @MultiSessionField
    public int visits;
    @MultiSessionField
    public UUID loyaltyId;
}
