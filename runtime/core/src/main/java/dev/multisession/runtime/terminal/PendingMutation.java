package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.util.ArrayList;
import java.util.List;

/**
 * An outbox entry and, once the hub acknowledged it, the sequence number that reflects it.
 *
 * <p>Its {@link #ticket} is what an {@link Edit} handle waits on: unlike the mutation id, which
 * the message may be given anew (a run adopted, ids renumbered), the ticket stays with the entry
 * from the local change to its confirmation, so code that rewrites the message keeps the entry.
 */
final class PendingMutation {

    private ClientMessage message;
    /** Stable for the entry's life in this process; never sent, never stored. */
    final long ticket;
    /** What the hub's own event for this mutation said: the order's revision and number; -1 until seen. */
    long confirmedRevision = -1;
    long confirmedNumber = -1;
    /** Operations the hub's ack said it dropped. */
    final List<HubMessage.DroppedOp> dropped = new ArrayList<>();
    /** The sequence number at which the hub's state holds this mutation; -1 until acknowledged. */
    long ackSeq = -1;

    PendingMutation(ClientMessage message, long ticket) {
        this.message = message;
        this.ticket = ticket;
    }

    ClientMessage message() {
        return message;
    }

    boolean acknowledged() {
        return ackSeq >= 0;
    }

    long mutationId() {
        return TerminalWrite.mutationId(message);
    }

    String order() {
        return message instanceof ClientMessage.Mutate m ? m.order() : ((ClientMessage.Remove) message).order();
    }

    long runId() {
        return message instanceof ClientMessage.Mutate m ? m.runId() : ((ClientMessage.Remove) message).runId();
    }

    boolean isRemove() {
        return message instanceof ClientMessage.Remove;
    }

    /**
     * Gives the change another id and forgets what any hub said of it: the hub it is now sent to
     * has not handled it under either id (see {@link Outbox#renumber}).
     */
    void renumber(long mutationId) {
        ackSeq = -1;
        confirmedRevision = -1;
        confirmedNumber = -1;
        dropped.clear();
        if (message instanceof ClientMessage.Mutate m) {
            message = new ClientMessage.Mutate(mutationId, m.runId(), m.order(), m.baseRevision(), m.user(), m.ops());
        } else {
            ClientMessage.Remove r = (ClientMessage.Remove) message;
            message = new ClientMessage.Remove(mutationId, r.runId(), r.order(), r.baseRevision(), r.user(),
                    r.finalized());
        }
    }

    /**
     * Names the revision a change of an order made before its creation was confirmed was, in
     * effect, made on: the order's creation is no longer pending, so the change is not a creation.
     */
    void rebase(long revision) {
        if (message instanceof ClientMessage.Mutate m && m.baseRevision() == 0) {
            message = new ClientMessage.Mutate(m.mutationId(), m.runId(), m.order(), revision, m.user(), m.ops());
        }
    }

    /** Moves a change made before the terminal knew the hub's run into {@code runId}. */
    void moveToRun(long runId) {
        if (message instanceof ClientMessage.Mutate m) {
            message = new ClientMessage.Mutate(m.mutationId(), runId, m.order(), m.baseRevision(), m.user(), m.ops());
        } else {
            ClientMessage.Remove r = (ClientMessage.Remove) message;
            message = new ClientMessage.Remove(r.mutationId(), runId, r.order(), r.baseRevision(), r.user(),
                    r.finalized());
        }
    }
}
