package com.acme.bar;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.ArrayList;
import java.util.List;

/** A tab with polymorphic rounds, a polymorphic set of drinks and one polymorphic special. */
public class Tab {
    @MultiSessionId String uid;
    @MultiSessionField List<Round> rounds = new ArrayList<>();
    @MultiSessionField List<Drink> drinks = new ArrayList<>();
    @MultiSessionField Round special;
}
