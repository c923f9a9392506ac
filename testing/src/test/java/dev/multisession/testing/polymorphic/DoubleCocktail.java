package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionField;

/** A subclass of a subtype with a synced field of its own but no type name: it cannot travel. */
public class DoubleCocktail extends CocktailRound {
    @MultiSessionField public String garnish;
}
