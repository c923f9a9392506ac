package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;

/** An outbox entry and, once the hub acknowledged it, the sequence number that reflects it. */
final class PendingMutation {

    private ClientMessage message;
    /** The sequence number at which the hub's state holds this mutation; -1 until acknowledged. */
    long ackSeq = -1;

    PendingMutation(ClientMessage message) {
        this.message = message;
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
     * Gives the change another id and forgets any acknowledgement: the hub it was numbered for
     * has not seen it under the new id (see {@link Outbox#renumber}).
     */
    void renumber(long mutationId) {
        ackSeq = -1;
        if (message instanceof ClientMessage.Mutate m) {
            message = new ClientMessage.Mutate(mutationId, m.runId(), m.order(), m.baseRevision(), m.user(), m.ops());
        } else {
            ClientMessage.Remove r = (ClientMessage.Remove) message;
            message = new ClientMessage.Remove(mutationId, r.runId(), r.order(), r.baseRevision(), r.user(),
                    r.finalized());
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
