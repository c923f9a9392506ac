package dev.multisession.annotations;

/** How the hub merges concurrent changes of one synced field made on different terminals. */
public enum Merge {

    /** The change the hub accepts last replaces the value (the default). */
    LAST_WRITER_WINS,

    /**
     * The field is a number whose concurrent changes add up: terminals send the difference
     * they made, not the new value, so two waiters each tapping +1 on a line give +2.
     */
    COUNTER
}
