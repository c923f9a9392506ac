package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.EventTag;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session as a batch of mutations sees it: reads go to the session as it stood before the
 * batch (a {@link SessionView}: the node's {@link SessionMemory} or the store's transaction) once
 * and are kept, and each mutation's writes (its {@link Decision}) are kept in memory only once it
 * has been handled completely. A mutation that throws therefore leaves nothing behind and the
 * others of the batch go on. {@link #writeTo} then writes what the batch changed into the
 * store's transaction: each touched order and terminal cursor once (its last state), every
 * event, the head once.
 *
 * <p>Not thread-safe; lives for one batch.
 */
final class SessionWorkingCopy implements SessionView {

    private final SessionView before;
    private final int logSize;
    private final SessionHead initialHead;
    private SessionHead head;
    private final Map<String, Optional<StoredOrder>> orders = new HashMap<>();
    private final Map<String, StoredOrder> changedOrders = new LinkedHashMap<>();
    private final Map<String, TerminalCursor> cursors = new HashMap<>();
    private final Map<String, TerminalCursor> changedCursors = new LinkedHashMap<>();
    private final List<HubMessage.Event> events = new ArrayList<>();

    SessionWorkingCopy(SessionView before, int logSize) {
        this.before = before;
        this.logSize = logSize;
        this.initialHead = before.head();
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
            known = before.order(uid);
            orders.put(uid, known);
        }
        return known;
    }

    @Override
    public TerminalCursor terminal(String terminalId) {
        TerminalCursor known = cursors.get(terminalId);
        if (known == null) {
            known = before.terminal(terminalId);
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

    /** The orders the batch changed, each in its last state. */
    Collection<StoredOrder> changedOrders() {
        return changedOrders.values();
    }

    /** The terminal cursors the batch moved, each to where it last stands. */
    Map<String, TerminalCursor> changedCursors() {
        return changedCursors;
    }

    /**
     * The head {@link #writeTo} leaves in the store: the last decision's, with the log's floor
     * raised so that it keeps {@code logSize} events above it. The event at the floor stays too:
     * a terminal that last applied it names its tag in its hello, and the hub checks that tag
     * against it.
     */
    SessionHead savedHead() {
        SessionHead saved = head;
        if (saved.seq() - saved.logFloor() > logSize) {
            long floor = saved.seq() - logSize;
            saved = new SessionHead(saved.runId(), saved.seq(), saved.lastOrderNumber(), floor, saved.tag());
        }
        return saved;
    }

    /** Writes everything kept into {@code tx}, trimming the log to what {@link #savedHead} keeps. */
    void writeTo(SessionTx tx) {
        for (StoredOrder order : changedOrders.values()) {
            tx.saveOrder(order);
        }
        for (Map.Entry<String, TerminalCursor> cursor : changedCursors.entrySet()) {
            tx.saveTerminal(cursor.getKey(), cursor.getValue());
        }
        for (HubMessage.Event event : events) {
            tx.appendLog(event);
        }
        SessionHead saved = savedHead();
        if (saved.logFloor() != head.logFloor()) {
            tx.trimLog(saved.logFloor() - 1);
        }
        if (!saved.equals(initialHead)) {
            tx.saveHead(saved);
        }
    }
}
