package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** The one kind of pour. */
public class Shot implements Pour {
    @MultiSessionId public String uid;
    @MultiSessionField public int ml;

    public Shot() {}

    public Shot(String uid, int ml) {
        this.uid = uid;
        this.ml = ml;
    }
}
