package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** A round of drinks brought to a table. */
public class Round {
    @MultiSessionId public String uid;
    @MultiSessionField public int glasses;

    public Round() {}

    public Round(String uid, int glasses) {
        this.uid = uid;
        this.glasses = glasses;
    }
}
