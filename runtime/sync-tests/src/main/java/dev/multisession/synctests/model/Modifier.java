package dev.multisession.synctests.model;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** An extra on a line ("no ice", "extra cheese"), a collection nested in a collection. */
public class Modifier {
    @MultiSessionId public String uid;
    @MultiSessionField public String name;
    @MultiSessionField(merge = Merge.COUNTER) public int count = 1;

    public Modifier() {}

    public Modifier(String uid, String name) {
        this.uid = uid;
        this.name = name;
    }
}
