package dev.multisession.runtime.hub;

/**
 * One open terminal connection as the hub sees it at a moment, for operators.
 *
 * @param session the connection's multi-session
 * @param terminal the terminal's id
 * @param user the user its hello named (null before hello or if none)
 * @param greeted whether its hello was handled (it gets broadcasts and may change orders)
 * @param sentSeq the last sequence number sent to it
 * @param hubSeq the last sequence number the session broadcast from this node
 * @param queuedMutations its mutations waiting in the session's queue
 */
public record ConnectionStatus(String session, String terminal, String user, boolean greeted, long sentSeq,
        long hubSeq, int queuedMutations) {

    /** How many changes the hub has that this terminal has not been sent. */
    public long lag() {
        return Math.max(0, hubSeq - sentSeq);
    }
}
