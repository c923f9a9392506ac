package dev.multisession.sample.restaurant;

/** Where a line stands with the kitchen. Only the kitchen screen changes it (see {@link KitchenPass}). */
public enum KitchenState {
    /** The kitchen has not printed this line (or not all of its quantity) yet. */
    TO_SEND,
    /** The kitchen printed the line's whole quantity. */
    SENT
}
