package dev.multisession.synctests.model;

import dev.multisession.annotations.MultiSessionField;

/** A round with a synced field of its own, which a {@code List<Round>} cannot carry. */
public class CocktailRound extends Round {
    @MultiSessionField public String spirit;

    public CocktailRound() {}

    public CocktailRound(String uid, int glasses, String spirit) {
        super(uid, glasses);
        this.spirit = spirit;
    }
}
