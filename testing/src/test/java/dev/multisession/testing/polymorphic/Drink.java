package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionId;
import dev.multisession.annotations.MultiSessionSubtypes;

/** An abstract polymorphic base: a terminal cannot build a drink of a kind it does not know. */
@MultiSessionSubtypes({Beer.class})
public abstract class Drink {
    @MultiSessionId public String uid;
}
