package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.EventTag;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one session sends to its connections, in sequence order: replies with the events
 * they produced, broadcasts of events committed here or (after a poke) on another node, the
 * replay of the log or a snapshot that brings a (re)connecting terminal up to date, and the
 * empty snapshot of a new run. Every send to a connection goes through this object's monitor,
 * so a terminal never sees an event twice or out of order, whichever thread committed it.
 */
final class Broadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(Broadcaster.class);
    private static final int READ_BATCH = 500;

    private final String session;
    private final HubStore store;
    private final List<TerminalConnection> connections = new CopyOnWriteArrayList<>();
    /** The last sequence number broadcast; -1 until known. Guarded by this. */
    private long broadcastSeq = -1;

    Broadcaster(String session, HubStore store) {
        this.session = session;
        this.store = store;
    }

    /** Sends a reply outside of any batch (a pong, an error). */
    synchronized void reply(TerminalConnection connection, HubMessage message) {
        connection.sink.send(message);
    }

    /**
     * Answers a committed batch, then sends its events to every connection: each connection's
     * share (its answers, then the events) in one {@link Outgoing} hand-over.
     */
    synchronized void answerAndBroadcast(List<TerminalConnection> senders, List<HubMessage> replies,
            List<HubMessage.Event> events) {
        Outgoing outgoing = new Outgoing();
        for (int i = 0; i < senders.size(); i++) {
            outgoing.add(senders.get(i), replies.get(i));
        }
        broadcast(events, outgoing);
    }

    /**
     * Sends events just committed here after what {@code outgoing} holds; falls back to the log
     * when they do not follow what was sent.
     */
    private void broadcast(List<HubMessage.Event> events, Outgoing outgoing) {
        for (HubMessage.Event event : events) {
            if (broadcastSeq >= 0 && event.seq() <= broadcastSeq) {
                continue; // already sent after a poke that read the log
            }
            if (broadcastSeq < 0 || event.seq() != broadcastSeq + 1) {
                outgoing.send();
                pump();
                return;
            }
            for (TerminalConnection connection : connections) {
                deliver(connection, event, outgoing);
            }
            broadcastSeq = event.seq();
        }
        outgoing.send();
    }

    /** Sends every logged event after the last broadcast one to every connection that lacks it. */
    synchronized void pump() {
        if (connections.isEmpty()) {
            broadcastSeq = -1; // nobody to send to; the next catch-up sets where broadcasting starts
            return;
        }
        if (broadcastSeq < 0) {
            broadcastSeq = store.inSession(session, tx -> tx.head().logFloor());
        }
        Outgoing outgoing = new Outgoing();
        while (true) {
            List<HubMessage.Event> events = store.readLog(session, broadcastSeq, READ_BATCH);
            if (events.isEmpty()) {
                return;
            }
            for (HubMessage.Event event : events) {
                for (TerminalConnection connection : connections) {
                    deliver(connection, event, outgoing);
                }
                broadcastSeq = event.seq();
            }
            outgoing.send();
        }
    }

    /** Closes the day and sends every connection the empty snapshot of the new run; returns the new run id. */
    synchronized long reset() {
        // the cursors are read in the reset's own transaction, so each snapshot names exactly
        // the mutations of its terminal that the old run had handled
        Map<TerminalConnection, Long> handled = new HashMap<>();
        SessionHead head = store.inSession(session, tx -> {
            // the close is a state of its own: a terminal that took it names its tag, as after an event
            SessionHead next = MutationRules.closeDay(tx.head()).withTag(EventTag.next());
            tx.deleteAllOrders();
            tx.trimLog(next.logFloor());
            tx.saveHead(next);
            for (TerminalConnection connection : connections) {
                handled.put(connection, tx.terminal(connection.identity.terminal()).lastMutationId());
            }
            return next;
        });
        broadcastSeq = Math.max(broadcastSeq, head.seq());
        for (TerminalConnection connection : connections) {
            connection.sentSeq = head.seq();
            connection.sink.send(new HubMessage.Snapshot(head.runId(), head.seq(),
                    handled.getOrDefault(connection, 0L), List.of(), head.tag()));
        }
        LOG.info("session {} reset to run {}", session, head.runId());
        return head.runId();
    }

    /**
     * Brings a connection up to date from {@code afterSeq} in run {@code runId} (by replaying
     * the log, or with a snapshot when the log no longer reaches back that far, the run is
     * another, or the terminal's state at {@code afterSeq} is not this hub's: see
     * {@link CatchUpRules}) and registers it for broadcasts; a hello is answered with a welcome
     * first.
     */
    synchronized HubObserver.CatchUp catchUp(TerminalConnection connection, long runId, long afterSeq, long lastTag,
            boolean welcome) {
        return catchUp(connection, OptionalLong.of(runId), afterSeq, lastTag, welcome);
    }

    /** Answers a {@code sync}: brings a connection of the current run up to date from {@code afterSeq}. */
    synchronized HubObserver.CatchUp sync(TerminalConnection connection, long afterSeq) {
        return catchUp(connection, OptionalLong.empty(), afterSeq, EventTag.NONE, false);
    }

    /**
     * Decides how to catch up and reads what a snapshot needs in one transaction: the head, the
     * terminal's cursor, the tag of the logged event the terminal names (read in that
     * transaction, only when the head cannot tell) and, for a snapshot, the open orders. Only a
     * replay reads the log afterwards, outside the session's lock.
     */
    private HubObserver.CatchUp catchUp(TerminalConnection connection, OptionalLong runId, long afterSeq, long lastTag,
            boolean welcome) {
        String terminal = connection.identity.terminal();
        Start start = store.inSession(session, tx -> {
            SessionHead head = tx.head();
            CatchUpRules.Plan plan = CatchUpRules.plan(head, runId.orElse(head.runId()), afterSeq, lastTag,
                    seq -> tx.loggedTag(seq).orElse(CatchUpRules.UNKNOWN));
            if (!welcome && !plan.snapshot()) {
                return new Start(head, null, plan, null); // a replay answering a sync needs no cursor
            }
            TerminalCursor cursor = tx.terminal(terminal);
            return new Start(head, cursor, plan, plan.snapshot() ? snapshot(tx, head, cursor) : null);
        });
        if (welcome) {
            warnIfDiverged(connection, runId.orElse(start.head.runId()), afterSeq, lastTag, start);
            connection.sink.send(new HubMessage.Welcome(session, terminal, start.head.runId(), start.head.seq(),
                    start.cursor.lastMutationId(), start.plan == CatchUpRules.Plan.DIVERGED));
        }
        HubObserver.CatchUp how = HubObserver.CatchUp.REPLAY;
        HubMessage.Snapshot snapshot = start.snapshot;
        if (snapshot == null && !replay(connection, afterSeq, start.head.seq())) {
            // the log was trimmed past afterSeq since the decision
            snapshot = store.inSession(session, tx -> snapshot(tx, tx.head(), tx.terminal(terminal)));
        }
        if (snapshot != null) {
            connection.sentSeq = snapshot.seq();
            connection.sink.send(snapshot);
            how = HubObserver.CatchUp.SNAPSHOT;
        }
        if (!connection.closed && !connections.contains(connection)) {
            connections.add(connection);
        }
        if (broadcastSeq < 0) {
            broadcastSeq = connection.sentSeq;
        }
        return how;
    }

    /** Each connection that gets broadcasts, as operators see it. */
    synchronized List<ConnectionStatus> status() {
        List<ConnectionStatus> status = new ArrayList<>();
        for (TerminalConnection connection : connections) {
            status.add(new ConnectionStatus(session, connection.identity.terminal(), connection.user(),
                    connection.isGreeted(), connection.sentSeq, Math.max(broadcastSeq, connection.sentSeq),
                    connection.queuedMutations));
        }
        return status;
    }

    /**
     * A terminal that has applied more of this run than the store holds, or whose last applied
     * event is not this store's event at that seq, was served by a store that has since gone
     * back: restored from an older copy, or replaced. It gets a snapshot and re-offers the
     * changes it still holds.
     */
    private void warnIfDiverged(TerminalConnection connection, long runId, long afterSeq, long lastTag, Start start) {
        if (start.plan != CatchUpRules.Plan.DIVERGED) {
            return;
        }
        SessionHead head = start.head;
        if (afterSeq > head.seq()) {
            LOG.warn("session {}: terminal {} has applied seq {} of run {}, but this hub's store is at seq {}: the "
                    + "store was restored from an older copy or replaced, and what it confirmed after that copy is "
                    + "lost; the terminal gets a snapshot and re-offers the changes it still holds", session,
                    connection.identity.terminal(), afterSeq, runId, head.seq());
        } else {
            LOG.warn("session {}: terminal {} has applied seq {} of run {} as event {}, which is not this hub's event "
                    + "at that seq: the store was restored from an older copy or replaced and has gone on since, so "
                    + "the terminal's copy is of another history; what the store confirmed after that copy is lost; "
                    + "the terminal gets a snapshot and re-offers the changes it still holds", session,
                    connection.identity.terminal(), afterSeq, runId, lastTag);
        }
    }

    /** Stops sending to a connection. */
    synchronized void remove(TerminalConnection connection) {
        connections.remove(connection);
    }

    /** Whether any connection gets broadcasts. */
    boolean hasConnections() {
        return !connections.isEmpty();
    }

    /** The connections that get broadcasts. */
    List<TerminalConnection> connections() {
        return new ArrayList<>(connections);
    }

    private static void deliver(TerminalConnection connection, HubMessage.Event event, Outgoing outgoing) {
        if (event.seq() > connection.sentSeq) {
            connection.sentSeq = event.seq();
            outgoing.add(connection, event);
        }
    }

    /** Sends the log after {@code afterSeq}; false if part of it was already trimmed. */
    private boolean replay(TerminalConnection connection, long afterSeq, long atLeastTo) {
        long seq = afterSeq;
        while (true) {
            List<HubMessage.Event> events = store.readLog(session, seq, READ_BATCH);
            if (events.isEmpty()) {
                if (seq < atLeastTo) {
                    return false;
                }
                connection.sentSeq = Math.max(connection.sentSeq, seq);
                return true;
            }
            if (events.get(0).seq() != seq + 1) {
                return false;
            }
            connection.sink.sendAll(events);
            seq = events.get(events.size() - 1).seq();
        }
    }

    private record Start(SessionHead head, TerminalCursor cursor, CatchUpRules.Plan plan,
            HubMessage.Snapshot snapshot) {}

    private static HubMessage.Snapshot snapshot(SessionTx tx, SessionHead head, TerminalCursor cursor) {
        List<HubMessage.OrderState> orders = new ArrayList<>();
        for (StoredOrder order : tx.openOrders()) {
            orders.add(new HubMessage.OrderState(order.uid(), order.revision(), order.number(),
                    order.data().deepCopy(), order.info().deepCopy()));
        }
        return new HubMessage.Snapshot(head.runId(), head.seq(), cursor.lastMutationId(), orders, head.tag());
    }
}
