package dev.multisession.runtime.hub;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One session as a batch of mutations sees it inside a single store transaction: reads go to
 * the transaction once and are kept, and each mutation's writes ({@link Step}) are kept in memory
 * only once it has been handled completely. A mutation that throws therefore leaves nothing
 * behind and the others of the batch go on. {@link #writeTo} then writes what the batch changed:
 * each touched order and terminal cursor once (its last state), every event, the head once.
 *
 * <p>Not thread-safe; lives for one transaction.
 */
final class SessionWorkingCopy {

    /**
     * What handling one mutation decided, to be kept as a whole: every member but {@code reply}
     * may be null (nothing of that kind to write).
     */
    record Step(HubMessage reply, String terminal, TerminalCursor cursor, StoredOrder order,
            HubMessage.Event event, SessionHead head) {

        static Step replyOnly(HubMessage reply) {
            return new Step(reply, null, null, null, null, null);
        }

        static Step cursorOnly(HubMessage reply, String terminal, TerminalCursor cursor) {
            return new Step(reply, terminal, cursor, null, null, null);
        }
    }

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

    SessionHead head() {
        return head;
    }

    /** The order as the batch left it so far; callers must not modify what they get. */
    Optional<StoredOrder> order(String uid) {
        Optional<StoredOrder> known = orders.get(uid);
        if (known == null) {
            known = tx.order(uid);
            orders.put(uid, known);
        }
        return known;
    }

    TerminalCursor terminal(String terminalId) {
        TerminalCursor known = cursors.get(terminalId);
        if (known == null) {
            known = tx.terminal(terminalId);
            cursors.put(terminalId, known);
        }
        return known;
    }

    /** Keeps what one mutation decided; later reads see it. */
    void keep(Step step) {
        if (step.cursor() != null) {
            cursors.put(step.terminal(), step.cursor());
            changedCursors.put(step.terminal(), step.cursor());
        }
        if (step.order() != null) {
            orders.put(step.order().uid(), Optional.of(step.order()));
            changedOrders.put(step.order().uid(), step.order());
        }
        if (step.event() != null) {
            events.add(step.event());
        }
        if (step.head() != null) {
            head = step.head();
        }
    }

    /** The events the kept steps produced, in sequence order. */
    List<HubMessage.Event> events() {
        return events;
    }

    /** Writes everything kept into the transaction, trimming the log to {@code logSize} events. */
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
            tx.trimLog(floor);
            saved = new SessionHead(saved.runId(), saved.seq(), saved.lastOrderNumber(), floor);
        }
        if (!saved.equals(initialHead)) {
            tx.saveHead(saved);
        }
    }
}
