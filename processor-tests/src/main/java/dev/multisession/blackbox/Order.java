package dev.multisession.blackbox;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.ArrayList;
import java.util.List;

/** An order whose lines are of a type its extensions choose. */
public class Order<L extends Orderline> {
    @MultiSessionId public String uid;
    @MultiSessionField public String name;
    @MultiSessionField public List<L> lines = new ArrayList<>();
}
