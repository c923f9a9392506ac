package dev.multisession.testing.polymorphic;

import dev.multisession.annotations.MultiSessionSubtypes;

/** A polymorphic interface: its subtypes carry the id. */
@MultiSessionSubtypes({Shot.class})
public interface Pour {}
