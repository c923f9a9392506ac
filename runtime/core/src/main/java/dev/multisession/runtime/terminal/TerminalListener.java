package dev.multisession.runtime.terminal;

import java.util.Set;

/**
 * Told about what other terminals did and what the hub refused. Called on the terminal's
 * executor (the app's UI thread), after the model objects were updated. Changes the app makes
 * itself through {@link Terminal#edit} are not reported back.
 *
 * @param <O> the order model type
 */
public interface TerminalListener<O> {

    /** An order made elsewhere (or restored from a snapshot) appeared. */
    default void orderAdded(O order) {}

    /** An order changed; {@code changedKeys} are the JSON keys of the order whose values changed. */
    default void orderUpdated(O order, Set<String> changedKeys) {}

    /** An order was removed: paid ({@code finalized}) or abandoned, here or elsewhere, or dropped at a new run. */
    default void orderRemoved(O order, boolean finalized) {}

    /** Part or all of a change made here could not be applied; the order shows the hub's state instead. */
    default void conflict(Conflict conflict) {}

    /**
     * The hub confirmed a change made on this terminal (see {@link Edit#confirmation()}); called
     * for every confirmed change, also those made before a restart, whose handles are gone.
     */
    default void confirmed(Confirmation confirmation) {}

    /** The terminal is now in sync with the hub ({@code true}) or working offline ({@code false}). */
    default void connectionChanged(boolean online) {}

    /**
     * The hub refused this terminal's credentials (its token is unknown, revoked or for another
     * terminal); {@code reason} says what the transport was told. Reported once per streak of
     * refusals, not at every retry: the transport keeps trying at its longest backoff, since a
     * token may be issued later, and the next {@link #connectionChanged connectionChanged(true)}
     * means the hub let it in.
     */
    default void unauthorized(String reason) {}

    /**
     * Something went wrong that the terminal recovers from by itself, told with the same words
     * as the warning it logs: the hub failed on a message and it is retried with backoff (once
     * per streak of failures); the hub's store went back to an older copy, so the terminal took
     * the hub's orders again and re-offered the changes it still held; this terminal's own store
     * was lost, so its offline changes were given new mutation ids. Nothing is lost that the
     * terminal still held; an operator may want to know.
     */
    default void warning(String message) {}

    /**
     * The terminal received a change or snapshot it cannot decode or apply to the model objects
     * (a hub that let through what this terminal's model does not allow, or a newer protocol);
     * {@code reason} says what and why. The terminal keeps running and applying later changes,
     * asks the hub for a snapshot, and until one it can read arrives {@link Terminal#status()}
     * is not in sync and names the problem. Told once per streak, not for every message, and
     * once more if the snapshot it asked for cannot be applied either.
     */
    default void desynced(String reason) {}
}
