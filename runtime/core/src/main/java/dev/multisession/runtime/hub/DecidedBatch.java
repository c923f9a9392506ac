package dev.multisession.runtime.hub;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of mutations decided by {@link MutationRules} against one view of the session: the
 * answer to each, the working copy that holds what they write, and the mutations whose handling
 * threw. Deciding has no other effect: a batch may be decided more than once and all but one
 * decision thrown away (see {@link SessionChannel}), so what is to be logged of it is left to
 * whoever commits it.
 *
 * @param copy the batch's writes and events
 * @param replies one answer per mutation, in order
 * @param failures the mutations answered {@code internal} because their handling threw, in order
 * @param reads the view read inside the transaction, or null for a batch decided before it
 */
record DecidedBatch(SessionWorkingCopy copy, List<HubMessage> replies, List<Failure> failures,
        SessionMemory.ReadThrough reads) {

    /**
     * A mutation whose handling threw.
     *
     * @param work the mutation and the connection it came from
     * @param error what its handling threw
     */
    record Failure(SessionMailbox.Work work, RuntimeException error) {}

    /**
     * Decides each mutation in order, each seeing what the ones before it kept. A mutation
     * whose handling throws is answered {@code internal}, keeps nothing and is noted in
     * {@link #failures}.
     */
    static DecidedBatch decide(SessionView session, SessionMemory.ReadThrough reads,
            List<SessionMailbox.Work> mutations, HubConfig config) {
        SessionWorkingCopy copy = new SessionWorkingCopy(session, config.logSize());
        List<HubMessage> replies = new ArrayList<>(mutations.size());
        List<Failure> failures = new ArrayList<>(0);
        for (SessionMailbox.Work work : mutations) {
            Decision decision;
            try {
                decision = MutationRules.decide(copy, work.connection().sender(), work.message(),
                        config.clock().instant(), config.checks());
            } catch (RuntimeException e) {
                failures.add(new Failure(work, e));
                decision = Decision.replyOnly(internal(e, work.message()));
            }
            copy.keep(decision);
            replies.add(decision.reply());
        }
        return new DecidedBatch(copy, replies, failures, reads);
    }

    /** The answer to a message whose handling failed on the hub. */
    static HubMessage.Error internal(RuntimeException e, ClientMessage message) {
        return new HubMessage.Error(Reason.INTERNAL, "the hub failed on this message: " + e,
                MessageChecks.referenceOf(message));
    }

    /** The events the batch produced, in sequence order. */
    List<HubMessage.Event> events() {
        return copy.events();
    }
}
