package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.protocol.EventTag;
import java.util.function.LongUnaryOperator;

/**
 * How a (re)connecting terminal is brought up to date, as a pure function of the session's head
 * and where the terminal says it stands ({@code hello}'s {@code runId}, {@code lastSeq} and
 * {@code lastTag}, or a {@code sync}'s {@code afterSeq}). See docs/PROTOCOL.md, "Event tags".
 *
 * <p>A terminal's position is replayable when it is in the current run, within the log, and
 * (if it names a tag) the hub's event at that seq has that tag. A tag that differs means the
 * terminal followed another history of the session: this hub's store went back (restored from
 * an older copy) and its new events took seqs the terminal had applied with other events. A
 * position beyond the hub's seq shows the same without a tag. Either way the terminal gets a
 * snapshot and is told it diverged. A tag the hub can no longer check (older than the log)
 * costs a snapshot, which replaces the terminal's copy whole anyway.
 */
final class CatchUpRules {

    /** The hub has no event at this seq to compare a tag with. */
    static final long UNKNOWN = -1;

    private CatchUpRules() {}

    /** How to catch up. */
    enum Plan {
        /** Send the log after the terminal's seq. */
        REPLAY,
        /** Send a snapshot: another run, or a seq older than the log. */
        SNAPSHOT,
        /** Send a snapshot and tell the terminal that its copy is not of this hub's history. */
        DIVERGED;

        /** Whether the terminal gets a snapshot instead of the log. */
        boolean snapshot() {
            return this != REPLAY;
        }
    }

    /**
     * Decides how to bring a terminal up to date.
     *
     * @param head the session's head
     * @param runId the run the terminal names
     * @param afterSeq the last seq it applied
     * @param lastTag the tag of its state at {@code afterSeq}; {@link EventTag#NONE}: nothing to verify
     * @param loggedTag the tag of the hub's logged event at a seq (0 for an event logged before
     *     tags), or {@link #UNKNOWN} when the log no longer holds it; asked only when needed
     */
    static Plan plan(SessionHead head, long runId, long afterSeq, long lastTag, LongUnaryOperator loggedTag) {
        if (runId != head.runId()) {
            return Plan.SNAPSHOT;
        }
        if (afterSeq > head.seq()) {
            return Plan.DIVERGED;
        }
        if (afterSeq < head.logFloor()) {
            return Plan.SNAPSHOT;
        }
        if (lastTag == EventTag.NONE || afterSeq == 0) {
            return Plan.REPLAY;
        }
        long hubTag = afterSeq == head.seq() && head.tag() != EventTag.NONE ? head.tag() : loggedTag.applyAsLong(afterSeq);
        if (hubTag == UNKNOWN) {
            return Plan.SNAPSHOT;
        }
        return hubTag == lastTag ? Plan.REPLAY : Plan.DIVERGED;
    }
}
