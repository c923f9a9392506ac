package com.acme.bar;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import dev.multisession.annotations.MultiSessionSubtypes;

/** A concrete polymorphic base. */
@MultiSessionSubtypes({CocktailRound.class})
public class Round {
    @MultiSessionId String uid;
    @MultiSessionField int glasses;
}
