package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The view of one session inside a {@link HubStore#inSession} transaction. Reads see the
 * transaction's own writes. Not thread-safe; valid only while the work runs.
 */
public interface SessionTx {

    /** The session's head: epoch, sequence, last order number and the oldest logged sequence. */
    SessionHead head();

    /** Replaces the session's head. */
    void saveHead(SessionHead head);

    /**
     * The order with this uid: open, or removed (a tombstone of the current run).
     *
     * @throws UnreadableOrderException if the store holds the order but cannot read it
     */
    Optional<StoredOrder> order(String uid);

    /** Every open (not removed) order, in order of their numbers. */
    List<StoredOrder> openOrders();

    /** Inserts or replaces an order (a removed order is kept as a tombstone). */
    void saveOrder(StoredOrder order);

    /** Deletes every order and tombstone of the session (closing the day). */
    void deleteAllOrders();

    /** Where the hub stands with one terminal's mutations; {@link TerminalCursor#NONE} if it never sent one. */
    TerminalCursor terminal(String terminalId);

    /** Records the last mutation applied from a terminal. */
    void saveTerminal(String terminalId, TerminalCursor cursor);

    /** Appends an event to the log; its sequence number is one above the previous one. */
    void appendLog(HubMessage.Event event);

    /** Deletes log events with a sequence number at or below {@code seq}. */
    void trimLog(long seq);

    /**
     * The tag of the logged event at {@code seq} (0 for an event logged before tags), read in this
     * transaction, so that the hub can tell whether a reconnecting terminal followed this history
     * and send its snapshot in the same transaction. Empty when the log does not hold that event.
     * A store that cannot read its log here may keep the default, which answers empty: such a
     * terminal then gets a snapshot instead of the log.
     */
    default OptionalLong loggedTag(long seq) {
        return OptionalLong.empty();
    }
}
