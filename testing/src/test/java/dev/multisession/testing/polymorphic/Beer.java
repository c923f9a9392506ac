package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionField;

/** The one kind of drink. */
public class Beer extends Drink {
    @MultiSessionField public int pints;

    public Beer() {}

    public Beer(String uid, int pints) {
        this.uid = uid;
        this.pints = pints;
    }
}
