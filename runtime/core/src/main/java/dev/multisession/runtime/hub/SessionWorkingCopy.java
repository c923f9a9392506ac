package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.EventTag;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session as a batch of mutations sees it inside a single store transaction: reads go to
 * the transaction once and are kept, and each mutation's writes (its {@link Decision}) are kept in memory
 * only once it has been handled completely. A mutation that throws therefore leaves nothing
 * behind and the others of the batch go on. {@link #writeTo} then writes what the batch changed:
 * each touched order and terminal cursor once (its last state), every event, the head once.
 *
 * <p>Not thread-safe; lives for one transaction.
 */
final class SessionWorkingCopy implements SessionView {

    private final SessionTx tx;
    private final int logSize;
    private final SessionHead initialHead;
    private SessionHead head;
    private final Map<String, Optional<StoredOrder>> orders = new HashMap<>();
    private final Map<String, StoredOrder> changedOrders = new LinkedHashMap<>();
    private final Map<String, TerminalCursor> cursors = new HashMap<>();
    private final Map<String, TerminalCursor> changedCursors = new LinkedHashMap<>();
    private final List<HubMessage.Event> events = new ArrayList<>();

    SessionWorkingCopy(SessionTx tx, int logSize) {
        this.tx = tx;
        this.logSize = logSize;
        this.initialHead = tx.head();
        this.head = initialHead;
    }

    @Override
    public SessionHead head() {
        return head;
    }

    /** The order as the batch left it so far; callers must not modify what they get. */
    @Override
    public Optional<StoredOrder> order(String uid) {
        Optional<StoredOrder> known = orders.get(uid);
        if (known == null) {
            known = tx.order(uid);
            orders.put(uid, known);
        }
        return known;
    }

    @Override
    public TerminalCursor terminal(String terminalId) {
        TerminalCursor known = cursors.get(terminalId);
        if (known == null) {
            known = tx.terminal(terminalId);
            cursors.put(terminalId, known);
        }
        return known;
    }

    /** Keeps what one mutation decided; later reads see it. */
    void keep(Decision decision) {
        if (decision.cursor() != null) {
            cursors.put(decision.terminal(), decision.cursor());
            changedCursors.put(decision.terminal(), decision.cursor());
        }
        if (decision.order() != null) {
            orders.put(decision.order().uid(), Optional.of(decision.order()));
            changedOrders.put(decision.order().uid(), decision.order());
        }
        // every event gets its identity here, where it is kept, so the rules stay a pure function
        long tag = decision.event() != null ? EventTag.next() : EventTag.NONE;
        if (decision.event() != null) {
            events.add(decision.event().withTag(tag));
        }
        if (decision.head() != null) {
            head = decision.event() != null ? decision.head().withTag(tag) : decision.head();
        }
    }

    /** The events the kept decisions produced, in sequence order. */
    List<HubMessage.Event> events() {
        return events;
    }

    /**
     * Writes everything kept into the transaction, trimming the log to {@code logSize} events
     * above its floor. The event at the floor stays too: a terminal that last applied it names
     * its tag in its hello, and the hub checks that tag against it.
     */
    void writeTo() {
        for (StoredOrder order : changedOrders.values()) {
            tx.saveOrder(order);
        }
        for (Map.Entry<String, TerminalCursor> cursor : changedCursors.entrySet()) {
            tx.saveTerminal(cursor.getKey(), cursor.getValue());
        }
        for (HubMessage.Event event : events) {
            tx.appendLog(event);
        }
        SessionHead saved = head;
        if (saved.seq() - saved.logFloor() > logSize) {
            long floor = saved.seq() - logSize;
            tx.trimLog(floor - 1);
            saved = new SessionHead(saved.runId(), saved.seq(), saved.lastOrderNumber(), floor, saved.tag());
        }
        if (!saved.equals(initialHead)) {
            tx.saveHead(saved);
        }
    }
}
