package dev.multisession.blackbox.jpms.kitchen;

import dev.multisession.annotations.MultiSessionField;

/** A model in a package the module does not export. */
public class Docket {
    @MultiSessionField String station;

    /** An empty docket. */
    public Docket() {}
}
