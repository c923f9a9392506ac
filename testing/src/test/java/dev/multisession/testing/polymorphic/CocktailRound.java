package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionTypeName;

/** A round with a synced field of its own. */
@MultiSessionTypeName("cocktail")
public class CocktailRound extends Round {
    @MultiSessionField public String spirit;

    public CocktailRound() {}

    public CocktailRound(String uid, int glasses, String spirit) {
        super(uid, glasses);
        this.spirit = spirit;
    }
}
