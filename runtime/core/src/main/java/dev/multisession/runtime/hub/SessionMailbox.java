package dev.multisession.runtime.hub;

import dev.multisession.runtime.flow.SerialMailbox;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The queue of one session: every message of every connection of the session, handled in
 * arrival order, one batch at a time, on the hub's executor. It bounds how many mutations may
 * wait, for the session and for each connection, so that one busy terminal cannot fill the
 * hub's memory or starve the others; a mutation over a bound is refused at once (the caller
 * answers {@code rate_limited}). Control messages (hello, sync, ping) are never refused.
 *
 * <p>The session is busy from the moment a batch is taken until the stage its handler returned
 * completes (its commit is durable and its events were sent), so the next batch never starts
 * before that; meanwhile the thread serves other sessions.
 */
final class SessionMailbox {

    /** One message waiting in the queue. */
    record Work(TerminalConnection connection, ClientMessage message) {
        boolean mutation() {
            return message instanceof ClientMessage.Mutate || message instanceof ClientMessage.Remove;
        }
    }

    private final SerialMailbox<Work> mailbox;
    private final int sessionLimit;
    private final int connectionLimit;
    /** Guarded by this, like every connection's count. */
    private int queuedMutations;

    /**
     * @param handler starts handling one batch of at most {@code maxBatch} messages, never two at
     *     once; the stage it returns completes when the batch is done
     */
    SessionMailbox(String session, Executor executor, int maxBatch, int sessionLimit, int connectionLimit,
            Function<List<Work>, CompletionStage<?>> handler) {
        this.sessionLimit = sessionLimit;
        this.connectionLimit = connectionLimit;
        this.mailbox = SerialMailbox.untilDone("session " + session, executor, maxBatch, batch -> {
            taken(batch);
            return handler.apply(batch);
        }, this::dropped);
    }

    /** Queues a message; false if it is a mutation over the session's or its connection's bound. */
    boolean offer(Work work) {
        if (work.mutation()) {
            synchronized (this) {
                if (queuedMutations >= sessionLimit || work.connection().queuedMutations >= connectionLimit) {
                    return false;
                }
                queuedMutations++;
                work.connection().queuedMutations++;
            }
        }
        mailbox.offer(work);
        return true;
    }

    /** Mutations waiting now. */
    synchronized int queuedMutations() {
        return queuedMutations;
    }

    /** The executor refused to handle these (the hub is closing): free their places and answer the mutations. */
    private void dropped(List<Work> works) {
        taken(works);
        for (Work work : works) {
            if (work.mutation()) {
                work.connection().sink.send(new HubMessage.Error(Reason.INTERNAL,
                        "the hub could not take this change (it is shutting down); send it again",
                        MessageChecks.referenceOf(work.message())));
            }
        }
    }

    private synchronized void taken(List<Work> batch) {
        for (Work work : batch) {
            if (work.mutation()) {
                queuedMutations--;
                work.connection().queuedMutations--;
            }
        }
    }
}
