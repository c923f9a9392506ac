package dev.multisession.runtime.hub.spi;

/**
 * The counters of one session.
 *
 * @param runId the epoch, 1 for a new session, one up each time the day is closed
 * @param seq the sequence number of the last accepted change (0: none yet)
 * @param lastOrderNumber the last shared order number handed out (0: none yet)
 * @param logFloor the log holds every event with a sequence number above this one (and the
 *     event at it, if it was logged, so that a hello naming it can be checked); a terminal
 *     that last saw an older sequence gets a snapshot instead
 * @param tag the {@link dev.multisession.runtime.protocol.EventTag} of the state at {@code seq}:
 *     the last event's, or the day's close; 0 if none (a new session, or one stored before tags)
 */
public record SessionHead(long runId, long seq, long lastOrderNumber, long logFloor, long tag) {

    /** The head of a session that has never been used. */
    public static final SessionHead NEW = new SessionHead(1, 0, 0, 0, 0);

    /** A head without a tag. */
    public SessionHead(long runId, long seq, long lastOrderNumber, long logFloor) {
        this(runId, seq, lastOrderNumber, logFloor, 0);
    }

    /** The same head with another tag. */
    public SessionHead withTag(long newTag) {
        return new SessionHead(runId, seq, lastOrderNumber, logFloor, newTag);
    }
}
