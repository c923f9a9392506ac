package dev.multisession.runtime.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The identity of one event of a session: a random number the hub draws when it accepts a
 * change (and when it closes the day), stored with the event and sent on it. Sequence numbers
 * say where an event stands; the tag says which event it is. A hub restored from an older copy
 * numbers its new events with seqs that old ones had, but not with their tags, so a terminal
 * that names the tag of the last event it applied shows whether it followed this hub's history
 * (docs/PROTOCOL.md, "Event tags").
 *
 * <p>A tag is below 2^53, so that it is exact in any JSON reader; 0 means none (a terminal that
 * applied nothing, or an event stored before tags existed).
 */
public final class EventTag {

    /** No tag: nothing to verify. */
    public static final long NONE = 0;
    /** Every tag is below this (2^53). */
    public static final long LIMIT = 1L << 53;

    private EventTag() {}

    /**
     * A new tag: random, never {@link #NONE}. Tags only have to differ between two histories of
     * one session, not be secret, so a thread's own generator serves (no shared lock per event).
     */
    public static long next() {
        long tag;
        do {
            tag = ThreadLocalRandom.current().nextLong() & (LIMIT - 1);
        } while (tag == NONE);
        return tag;
    }

    /**
     * Refuses a value that is not a tag (negative, or 2^53 and above).
     *
     * @throws IllegalArgumentException naming {@code member}
     */
    public static long check(long tag, String member) {
        if (tag < 0 || tag >= LIMIT) {
            throw new IllegalArgumentException(member + " must be an integer from 0 to 2^53 - 1, not " + tag);
        }
        return tag;
    }
}
