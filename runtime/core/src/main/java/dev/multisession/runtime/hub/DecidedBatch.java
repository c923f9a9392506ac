package dev.multisession.runtime.hub;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of mutations decided by {@link MutationRules} against one view of the session: the
 * answer to each, and the working copy that holds what they write.
 *
 * @param copy the batch's writes and events
 * @param replies one answer per mutation, in order
 * @param reads the view read inside the transaction, or null for a batch decided before it
 */
record DecidedBatch(SessionWorkingCopy copy, List<HubMessage> replies, SessionMemory.ReadThrough reads) {

    private static final Logger LOG = LoggerFactory.getLogger(DecidedBatch.class);

    /**
     * Decides each mutation in order, each seeing what the ones before it kept. A mutation
     * whose handling throws is answered {@code internal} and keeps nothing.
     */
    static DecidedBatch decide(SessionView session, SessionMemory.ReadThrough reads,
            List<SessionMailbox.Work> mutations, HubConfig config) {
        SessionWorkingCopy copy = new SessionWorkingCopy(session, config.logSize());
        List<HubMessage> replies = new ArrayList<>(mutations.size());
        for (SessionMailbox.Work work : mutations) {
            Decision decision;
            try {
                decision = MutationRules.decide(copy, work.connection().sender(), work.message(),
                        config.clock().instant(), config.checks());
            } catch (RuntimeException e) {
                LOG.warn("{} of {} failed", MessageChecks.referenceOf(work.message()), work.connection(), e);
                decision = Decision.replyOnly(internal(e, work.message()));
            }
            copy.keep(decision);
            replies.add(decision.reply());
        }
        return new DecidedBatch(copy, replies, reads);
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
