package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** An order with a database {@code Integer} id, which the application must give. */
public class Check {
    @MultiSessionId public Integer id;
    @MultiSessionField public String table;
}
