package dev.multisession.runtime.terminal;

import java.util.List;

/**
 * The hub's word that a change made on this terminal is part of the session: it is stored at
 * the hub (durably, with a durable hub store), and every terminal that syncs will see it.
 *
 * <p>A change the hub applied only in part still confirms: {@link #dropped} lists the operations
 * it left out (for example an edit of a line another terminal removed meanwhile), and the order
 * shows the hub's state. Check {@link #isComplete()} before acting on all of what the change
 * said, for example before printing a receipt of a payment. A change refused as a whole does not
 * confirm: its {@link Edit#confirmation()} completes with an {@link EditRefusedException}.
 *
 * @param order the order's uid
 * @param mutationId the id the change travelled under (0 when the edit changed nothing and
 *     nothing of the order was pending)
 * @param revision the order's revision at the hub that holds the change; when the terminal
 *     learned of it from a snapshot rather than the hub's own event, the revision it has now,
 *     which may include later changes; for a removal, the revision of the removal
 * @param number the order's shared number (0 for an order removed before its number was seen)
 * @param dropped the operations of this change the hub did not apply, as conflicts
 */
public record Confirmation(String order, long mutationId, long revision, long number, List<Conflict> dropped) {

    public Confirmation {
        dropped = List.copyOf(dropped);
    }

    /** Whether the hub applied every operation of the change. */
    public boolean isComplete() {
        return dropped.isEmpty();
    }
}
