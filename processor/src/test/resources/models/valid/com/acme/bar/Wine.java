package com.acme.bar;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
import dev.multisession.annotations.MultiSessionTypeName;

/** Another kind of drink. */
@MultiSessionTypeName("wine")
public class Wine implements Drink {
    @MultiSessionId String uid;
    @MultiSessionField String grape;
}
