package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.UUID;

/** An order identified by a UUID. */
public class Tab {
    @MultiSessionId public UUID id;
    @MultiSessionField public String table;
}
