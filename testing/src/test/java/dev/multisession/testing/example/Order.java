package dev.multisession.testing.example;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** The order model of docs/TESTING.md's example. */
public class Order {
    @MultiSessionId public String uid;
    @MultiSessionField public String table;
    @MultiSessionField public String note;
    @MultiSessionField(merge = Merge.COUNTER) public int guests;
}
