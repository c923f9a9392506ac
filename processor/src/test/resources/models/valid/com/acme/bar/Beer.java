package com.acme.bar;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;

/** One kind of drink. */
public class Beer implements Drink {
    @MultiSessionId String uid;
    @MultiSessionField int pints;
}
