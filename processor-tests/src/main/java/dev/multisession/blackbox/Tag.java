package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;

/** A nested model without an id: collections of it are replaced, not matched. */
public class Tag {
    @MultiSessionField
    public String label;
}
