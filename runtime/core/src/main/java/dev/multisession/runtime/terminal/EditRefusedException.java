package dev.multisession.runtime.terminal;

/**
 * The hub refused a change made on this terminal as a whole (for example an edit of an order
 * another terminal had already paid, or a change of an earlier run of the session); nothing of it
 * was applied and the order shows the hub's state. {@link #conflict()} says which and why; the
 * same conflict is reported to {@link TerminalListener#conflict}.
 */
public final class EditRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Conflict conflict;

    EditRefusedException(Conflict conflict) {
        super("the hub refused mutation " + conflict.mutationId() + " of order " + conflict.order() + ": "
                + conflict.reason() + (conflict.message() == null ? "" : " (" + conflict.message() + ")"));
        this.conflict = conflict;
    }

    /** The refused change: its order, mutation id and the hub's {@link dev.multisession.runtime.protocol.Reason}. */
    public Conflict conflict() {
        return conflict;
    }
}
