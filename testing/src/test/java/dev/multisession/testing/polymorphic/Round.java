package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import dev.multisession.annotations.MultiSessionSubtypes;

/** A round of drinks: a concrete polymorphic base. */
@MultiSessionSubtypes({CocktailRound.class})
public class Round {
    @MultiSessionId public String uid;
    @MultiSessionField public int glasses;

    public Round() {}

    public Round(String uid, int glasses) {
        this.uid = uid;
        this.glasses = glasses;
    }
}
