package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import java.util.ArrayList;
import java.util.List;

/** A bar tab whose rounds and drinks are polymorphic. */
public class Tab {
    @MultiSessionId public String uid;
    @MultiSessionField public List<Round> rounds = new ArrayList<>();
    @MultiSessionField public List<Drink> drinks = new ArrayList<>();
    @MultiSessionField public List<Pour> pours = new ArrayList<>();
}
