package dev.multisession.runtime.merge;

import dev.multisession.runtime.protocol.Op;
import java.util.Objects;

/**
 * What applying one operation did.
 *
 * @param op the operation
 * @param kind whether it changed the state, changed nothing, or could not be applied
 * @param reason for a {@link Kind#CONFLICT}, a {@link dev.multisession.runtime.protocol.Reason} code; else null
 * @param message for a conflict, what was wrong, for people; else null
 */
public record OpOutcome(Op op, Kind kind, String reason, String message) {

    /** The three results of applying an operation. */
    public enum Kind {
        /** The state changed. */
        APPLIED,
        /** The state already had this value (or the element was already gone): nothing changed. */
        NO_OP,
        /** The operation does not fit the state (its element was removed, or a type differs): nothing changed. */
        CONFLICT
    }

    public OpOutcome {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.CONFLICT) != (reason != null)) {
            throw new IllegalArgumentException("a conflict, and only a conflict, has a reason");
        }
    }

    static OpOutcome applied(Op op) {
        return new OpOutcome(op, Kind.APPLIED, null, null);
    }

    static OpOutcome noOp(Op op) {
        return new OpOutcome(op, Kind.NO_OP, null, null);
    }

    static OpOutcome conflict(Op op, String reason, String message) {
        return new OpOutcome(op, Kind.CONFLICT, reason, message);
    }

    /** Whether the operation changed the state. */
    public boolean applied() {
        return kind == Kind.APPLIED;
    }
}
