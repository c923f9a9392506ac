package dev.multisession.runtime.hub.spi;

import java.util.List;
import java.util.Objects;

/**
 * A session as its last commit left it, read without its lock ({@link HubStore#readCommitted}).
 *
 * @param head the session's counters
 * @param openOrders its orders that are not removed, by number, then uid
 */
public record CommittedSession(SessionHead head, List<StoredOrder> openOrders) {
    public CommittedSession {
        Objects.requireNonNull(head, "head");
        openOrders = List.copyOf(openOrders);
    }
}
