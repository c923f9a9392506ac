package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.HubMessage;

/**
 * What {@link MutationRules} decided for one mutation or removal, to be kept as a whole: the
 * reply to its sender and what to write. Every member but {@code reply} may be null (nothing
 * of that kind to write); {@code cursor} goes with {@code terminal}.
 *
 * @param reply the answer to the sender: ack, resend, rejected or error
 * @param terminal whose cursor moves
 * @param cursor the sender's new cursor
 * @param order the order's new state
 * @param event the event to log and broadcast
 * @param head the session's new head
 */
record Decision(HubMessage reply, String terminal, TerminalCursor cursor, StoredOrder order, HubMessage.Event event,
        SessionHead head) {

    /** Answer, change nothing (a duplicate, a gap, a message before hello). */
    static Decision replyOnly(HubMessage reply) {
        return new Decision(reply, null, null, null, null, null);
    }

    /** Answer and count the mutation as handled, changing no order (refused or nothing applied). */
    static Decision cursorOnly(HubMessage reply, String terminal, TerminalCursor cursor) {
        return new Decision(reply, terminal, cursor, null, null, null);
    }
}
