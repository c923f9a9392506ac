package com.acme.bar;

import dev.multisession.annotations.MultiSessionSubtypes;

/** A polymorphic interface: its subtypes share the id "uid". */
@MultiSessionSubtypes({Beer.class, Wine.class})
public interface Drink {}
