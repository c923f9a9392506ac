package dev.multisession.blackbox.jpms.pos;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** A line of a ticket. */
public class Line {
    @MultiSessionId String uid;
    @MultiSessionField("qty") int quantity;
    @MultiSessionField String note;

    /** An empty line, as the codec creates it. */
    public Line() {}
}
