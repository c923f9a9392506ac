package dev.multisession.runtime.hub.spi;

/**
 * The counters of one session.
 *
 * @param runId the epoch, 1 for a new session, one up each time the day is closed
 * @param seq the sequence number of the last accepted change (0: none yet)
 * @param lastOrderNumber the last shared order number handed out (0: none yet)
 * @param logFloor the log holds every event with a sequence number above this one; a
 *     terminal that last saw an older sequence gets a snapshot instead
 */
public record SessionHead(long runId, long seq, long lastOrderNumber, long logFloor) {

    /** The head of a session that has never been used. */
    public static final SessionHead NEW = new SessionHead(1, 0, 0, 0);
}
