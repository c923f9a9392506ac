package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** An order whose id is a number, as in a database-backed till: the terminal makes terminal-scoped ids. */
public class Ticket {
    @MultiSessionId public Long id;
    @MultiSessionField public String table;
}
