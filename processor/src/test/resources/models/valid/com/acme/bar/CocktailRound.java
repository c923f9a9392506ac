package com.acme.bar;

import dev.multisession.annotations.Merge;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionTypeName;

/** A subtype with fields of its own. */
@MultiSessionTypeName("cocktail")
public class CocktailRound extends Round {
    @MultiSessionField String spirit;
    @MultiSessionField(merge = Merge.COUNTER) int shots;
}
