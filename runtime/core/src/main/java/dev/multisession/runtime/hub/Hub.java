package dev.multisession.runtime.hub;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.merge.MergeEngine;
import dev.multisession.runtime.merge.OpOutcome;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of every multi-session: applies terminals' mutations to the orders in its
 * {@link HubStore}, assigns shared order numbers and sequence numbers, and broadcasts each
 * accepted change to every terminal of the session. It works on JSON and operations only and
 * needs no model classes.
 *
 * <p>Each mutation is handled in one store transaction; the reply and the broadcast go out only
 * after it committed. Broadcasts leave in sequence order: after each commit (local, or on
 * another node as told by {@link HubStore#onRemoteCommit}) the hub reads the log after the
 * last event it broadcast and sends what it finds. A hub built on a store another hub used
 * continues exactly where that one stopped. Thread-safe: transports may call connections from
 * any thread, each connection's messages in order. See docs/PROTOCOL.md for the rules.
 */
public final class Hub implements HubEndpoint, AutoCloseable {

    /** The protocol version this hub speaks. */
    public static final int PROTOCOL = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final int READ_BATCH = 500;

    private final HubStore store;
    private final Clock clock;
    private final int logSize;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Hub(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.clock = builder.clock;
        this.logSize = builder.logSize;
        store.onRemoteCommit(session -> {
            Channel channel = channels.get(session);
            if (channel != null) {
                channel.pump();
            }
        });
    }

    /** A builder; {@link Builder#store} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HubConnection connect(TerminalIdentity identity, MessageSink sink) {
        if (closed) {
            throw new IllegalStateException("hub is closed");
        }
        return new Connection(identity, sink);
    }

    /**
     * Closes the day of {@code session}: every order is deleted, order numbers start again at 1
     * and the epoch ({@code runId}) goes one up. Connected terminals get a snapshot of the empty
     * new run; mutations made for the old run are rejected with {@link Reason#STALE_RUN}.
     *
     * @return the new run id
     */
    public long resetSession(String session) {
        return channel(session).reset();
    }

    private static SessionHead closeDay(SessionTx tx) {
        SessionHead old = tx.head();
        tx.deleteAllOrders();
        tx.trimLog(old.seq());
        SessionHead next = new SessionHead(old.runId() + 1, old.seq(), 0, old.seq());
        tx.saveHead(next);
        return next;
    }

    /** Stops accepting connections. The store is the caller's to close. */
    @Override
    public void close() {
        closed = true;
        for (Channel channel : channels.values()) {
            for (Connection connection : channel.connections) {
                connection.close();
            }
        }
    }

    private Channel channel(String session) {
        return channels.computeIfAbsent(session, Channel::new);
    }

    /** The in-memory side of one session on this hub: its connections and how far broadcasting got. */
    private final class Channel {
        final String session;
        final List<Connection> connections = new CopyOnWriteArrayList<>();
        private long broadcastSeq = -1;

        Channel(String session) {
            this.session = session;
        }

        /** Sends every logged event after the last broadcast one to every connection that lacks it. */
        synchronized void pump() {
            if (broadcastSeq < 0) {
                broadcastSeq = store.inSession(session, tx -> tx.head().logFloor());
            }
            while (true) {
                List<HubMessage.Event> events = store.readLog(session, broadcastSeq, READ_BATCH);
                if (events.isEmpty()) {
                    return;
                }
                for (HubMessage.Event event : events) {
                    for (Connection connection : connections) {
                        connection.deliver(event);
                    }
                    broadcastSeq = event.seq();
                }
            }
        }

        /** Closes the day and sends every connection the empty snapshot of the new run; returns the new run id. */
        synchronized long reset() {
            // the cursors are read in the reset's own transaction, so each snapshot names exactly
            // the mutations of its terminal that the old run had handled
            Map<Connection, Long> handled = new HashMap<>();
            SessionHead head = store.inSession(session, tx -> {
                SessionHead next = closeDay(tx);
                for (Connection connection : connections) {
                    handled.put(connection, tx.terminal(connection.identity.terminal()).lastMutationId());
                }
                return next;
            });
            broadcastSeq = Math.max(broadcastSeq, head.seq());
            for (Connection connection : connections) {
                connection.sentSeq = head.seq();
                connection.sink.send(new HubMessage.Snapshot(head.runId(), head.seq(),
                        handled.getOrDefault(connection, 0L), List.of()));
            }
            LOG.info("session {} reset to run {}", session, head.runId());
            return head.runId();
        }

        /** Brings a connection up to date from {@code afterSeq} and registers it for broadcasts. */
        synchronized void catchUp(Connection connection, long runId, long afterSeq, boolean welcome) {
            Start start = store.inSession(session, tx -> {
                SessionHead head = tx.head();
                TerminalCursor cursor = tx.terminal(connection.identity.terminal());
                boolean replayable = runId == head.runId() && afterSeq >= head.logFloor() && afterSeq <= head.seq();
                return new Start(head, cursor, replayable ? null : snapshot(tx, head, cursor));
            });
            if (welcome) {
                connection.sink.send(new HubMessage.Welcome(session, connection.identity.terminal(),
                        start.head.runId(), start.head.seq(), start.cursor.lastMutationId()));
            }
            if (start.snapshot == null && !replay(connection, afterSeq, start.head.seq())) {
                HubMessage.Snapshot snapshot = store.inSession(session,
                        tx -> snapshot(tx, tx.head(), tx.terminal(connection.identity.terminal())));
                connection.sentSeq = snapshot.seq();
                connection.sink.send(snapshot);
            } else if (start.snapshot != null) {
                connection.sentSeq = start.snapshot.seq();
                connection.sink.send(start.snapshot);
            }
            if (!connections.contains(connection)) {
                connections.add(connection);
            }
            if (broadcastSeq < 0) {
                broadcastSeq = connection.sentSeq;
            }
        }

        /** Sends the log after {@code afterSeq}; false if part of it was already trimmed. */
        private boolean replay(Connection connection, long afterSeq, long atLeastTo) {
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
                for (HubMessage.Event event : events) {
                    connection.sink.send(event);
                    seq = event.seq();
                }
            }
        }

        void remove(Connection connection) {
            connections.remove(connection);
        }
    }

    private record Start(SessionHead head, TerminalCursor cursor, HubMessage.Snapshot snapshot) {}

    private static HubMessage.Snapshot snapshot(SessionTx tx, SessionHead head, TerminalCursor cursor) {
        List<HubMessage.OrderState> orders = new ArrayList<>();
        for (StoredOrder order : tx.openOrders()) {
            orders.add(new HubMessage.OrderState(order.uid(), order.revision(), order.number(),
                    order.data().deepCopy(), order.info().deepCopy()));
        }
        return new HubMessage.Snapshot(head.runId(), head.seq(), cursor.lastMutationId(), orders);
    }

    /** The hub's side of one terminal's connection. */
    private final class Connection implements HubConnection {
        final TerminalIdentity identity;
        final MessageSink sink;
        final Channel channel;
        /** Last sequence number sent on this connection; guarded by the channel's lock. */
        long sentSeq;
        private volatile boolean greeted;
        private volatile String user;

        Connection(TerminalIdentity identity, MessageSink sink) {
            this.identity = Objects.requireNonNull(identity, "identity");
            this.sink = Objects.requireNonNull(sink, "sink");
            this.channel = channel(identity.session());
        }

        void deliver(HubMessage.Event event) {
            if (event.seq() > sentSeq) {
                sentSeq = event.seq();
                sink.send(event);
            }
        }

        @Override
        public void receive(ClientMessage message) {
            try {
                handle(message);
            } catch (RuntimeException e) {
                LOG.warn("{} of {}/{} failed", message == null ? "null message" : message.type(),
                        identity.session(), identity.terminal(), e);
                sink.send(new HubMessage.Error(Reason.INTERNAL, "the hub failed on this message: " + e, ref(message)));
            }
        }

        private void handle(ClientMessage message) {
            if (message == null) {
                sink.send(new HubMessage.Error(Reason.MALFORMED, "no message", null));
                return;
            }
            if (message instanceof ClientMessage.Hello hello) {
                hello(hello);
                return;
            }
            if (message instanceof ClientMessage.Ping ping) {
                sink.send(new HubMessage.Pong(ping.nonce()));
                return;
            }
            if (!greeted) {
                sink.send(new HubMessage.Error(Reason.FORBIDDEN, "send hello first", ref(message)));
                return;
            }
            if (message instanceof ClientMessage.Sync sync) {
                if (sync.afterSeq() < 0) {
                    sink.send(new HubMessage.Error(Reason.MALFORMED, "afterSeq must not be negative", ref(message)));
                    return;
                }
                channel.catchUp(this, currentRun(), sync.afterSeq(), false);
                return;
            }
            if (message instanceof ClientMessage.Mutate mutate) {
                String invalid = MutationCheck.check(mutate);
                if (invalid != null) {
                    sink.send(new HubMessage.Error(Reason.MALFORMED, invalid, ref(message)));
                    return;
                }
                finish(store.inSession(identity.session(), tx -> mutate(tx, mutate)));
                return;
            }
            ClientMessage.Remove remove = (ClientMessage.Remove) message;
            if (remove.mutationId() < 1 || remove.order().isEmpty()) {
                sink.send(new HubMessage.Error(Reason.MALFORMED, "mutationId starts at 1 and order must not be empty",
                        ref(message)));
                return;
            }
            finish(store.inSession(identity.session(), tx -> remove(tx, remove)));
        }

        private long currentRun() {
            return store.inSession(identity.session(), tx -> tx.head().runId());
        }

        private void hello(ClientMessage.Hello hello) {
            if (!hello.session().equals(identity.session()) || !hello.terminal().equals(identity.terminal())) {
                sink.send(new HubMessage.Error(Reason.FORBIDDEN, "this connection belongs to terminal "
                        + identity.terminal() + " of session " + identity.session(), ref(hello)));
                return;
            }
            if (hello.lastSeq() < 0 || hello.runId() < 0) {
                sink.send(new HubMessage.Error(Reason.MALFORMED, "runId and lastSeq must not be negative", ref(hello)));
                return;
            }
            user = hello.user();
            greeted = true;
            channel.catchUp(this, hello.runId(), hello.lastSeq(), true);
        }

        private Result mutate(SessionTx tx, ClientMessage.Mutate mutate) {
            SessionHead head = tx.head();
            Result early = ordering(tx, head, mutate.mutationId(), mutate.runId(), mutate.order());
            if (early != null) {
                return early;
            }
            StoredOrder existing = tx.order(mutate.order()).orElse(null);
            ObjectNode data = existing == null ? JsonNodeFactory.instance.objectNode() : existing.data().deepCopy();
            List<Op> applied = new ArrayList<>();
            List<HubMessage.DroppedOp> dropped = new ArrayList<>();
            for (OpOutcome outcome : MergeEngine.instance().applyAll(data, mutate.ops())) {
                if (outcome.kind() == OpOutcome.Kind.APPLIED) {
                    applied.add(outcome.op());
                } else if (outcome.kind() == OpOutcome.Kind.CONFLICT) {
                    dropped.add(new HubMessage.DroppedOp(outcome.op(), outcome.reason(), outcome.message()));
                }
            }
            if (applied.isEmpty()) {
                tx.saveTerminal(identity.terminal(), new TerminalCursor(mutate.mutationId(), head.seq()));
                return new Result(new HubMessage.Ack(mutate.mutationId(), head.seq(), false, dropped), false);
            }
            Author author = new Author(identity.terminal(), userOf(mutate.user()), clock.instant());
            long number = existing != null && existing.number() > 0 ? existing.number() : head.lastOrderNumber() + 1;
            long revision = existing == null ? 1 : existing.revision() + 1;
            ObjectNode info = existing == null ? OrderInfo.empty() : existing.info().deepCopy();
            OrderInfo.record(info, applied, author);
            long seq = head.seq() + 1;
            tx.saveOrder(new StoredOrder(mutate.order(), revision, number, data, info, false, false));
            tx.appendLog(new HubMessage.Change(seq, head.runId(), mutate.order(), revision, number, author,
                    mutate.mutationId(), applied));
            commitSeq(tx, new SessionHead(head.runId(), seq, Math.max(number, head.lastOrderNumber()), head.logFloor()),
                    mutate.mutationId());
            return new Result(new HubMessage.Ack(mutate.mutationId(), seq, false, dropped), true);
        }

        private Result remove(SessionTx tx, ClientMessage.Remove remove) {
            SessionHead head = tx.head();
            Result early = ordering(tx, head, remove.mutationId(), remove.runId(), remove.order());
            if (early != null) {
                return early;
            }
            StoredOrder existing = tx.order(remove.order()).orElse(null);
            Author author = new Author(identity.terminal(), userOf(remove.user()), clock.instant());
            long revision = existing == null ? 1 : existing.revision() + 1;
            long seq = head.seq() + 1;
            ObjectNode info = existing == null ? OrderInfo.empty() : existing.info().deepCopy();
            info.set("removed", OrderInfo.stamp(author));
            tx.saveOrder(new StoredOrder(remove.order(), revision, existing == null ? 0 : existing.number(),
                    JsonNodeFactory.instance.objectNode(), info, true, remove.finalized()));
            tx.appendLog(new HubMessage.Removed(seq, head.runId(), remove.order(), revision, author,
                    remove.mutationId(), remove.finalized()));
            commitSeq(tx, new SessionHead(head.runId(), seq, head.lastOrderNumber(), head.logFloor()),
                    remove.mutationId());
            return new Result(new HubMessage.Ack(remove.mutationId(), seq, false, List.of()), true);
        }

        /** The answer when the mutation must not be applied (duplicate, gap, old run, removed order); else null. */
        private Result ordering(SessionTx tx, SessionHead head, long mutationId, long runId, String order) {
            TerminalCursor cursor = tx.terminal(identity.terminal());
            if (mutationId <= cursor.lastMutationId()) {
                return new Result(new HubMessage.Ack(cursor.lastMutationId(), cursor.seq(), true, List.of()), false);
            }
            if (mutationId > cursor.lastMutationId() + 1) {
                return new Result(new HubMessage.Resend(cursor.lastMutationId() + 1), false);
            }
            if (runId != head.runId()) {
                tx.saveTerminal(identity.terminal(), new TerminalCursor(mutationId, head.seq()));
                return new Result(new HubMessage.Rejected(mutationId, order, Reason.STALE_RUN,
                        "the session was reset to run " + head.runId() + "; this change was made in run " + runId,
                        head.seq()), false);
            }
            StoredOrder existing = tx.order(order).orElse(null);
            if (existing != null && existing.removed()) {
                tx.saveTerminal(identity.terminal(), new TerminalCursor(mutationId, head.seq()));
                return new Result(new HubMessage.Rejected(mutationId, order, Reason.ORDER_REMOVED,
                        "order " + order + " was " + (existing.finalized() ? "paid" : "removed"), head.seq()), false);
            }
            return null;
        }

        private void commitSeq(SessionTx tx, SessionHead head, long mutationId) {
            SessionHead saved = head;
            if (head.seq() - head.logFloor() > logSize) {
                long floor = head.seq() - logSize;
                tx.trimLog(floor);
                saved = new SessionHead(head.runId(), head.seq(), head.lastOrderNumber(), floor);
            }
            tx.saveHead(saved);
            tx.saveTerminal(identity.terminal(), new TerminalCursor(mutationId, head.seq()));
        }

        private String userOf(String fromMessage) {
            return fromMessage != null ? fromMessage : user;
        }

        private void finish(Result result) {
            synchronized (channel) {
                sink.send(result.reply);
            }
            if (result.broadcast) {
                channel.pump();
            }
        }

        @Override
        public void close() {
            channel.remove(this);
        }
    }

    private static String ref(ClientMessage message) {
        if (message instanceof ClientMessage.Mutate mutate) {
            return "mutate " + mutate.mutationId();
        }
        if (message instanceof ClientMessage.Remove remove) {
            return "remove " + remove.mutationId();
        }
        return message == null ? null : message.type();
    }

    private record Result(HubMessage reply, boolean broadcast) {}

    /** Settings of a {@link Hub}. */
    public static final class Builder {
        private HubStore store;
        private Clock clock = Clock.systemUTC();
        private int logSize = 10_000;

        private Builder() {}

        /** Where sessions are kept (required). */
        public Builder store(HubStore store) {
            this.store = store;
            return this;
        }

        /** The clock for authors' times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many recent events each session's log keeps for replay (default 10,000). */
        public Builder logSize(int logSize) {
            if (logSize < 1) {
                throw new IllegalArgumentException("logSize must be at least 1, not " + logSize);
            }
            this.logSize = logSize;
            return this;
        }

        public Hub build() {
            return new Hub(this);
        }
    }

    /** Checks of a mutation that need no state: what the protocol forbids outright. */
    private static final class MutationCheck {
        static String check(ClientMessage.Mutate mutate) {
            if (mutate.mutationId() < 1) {
                return "mutationId starts at 1";
            }
            if (mutate.order().isEmpty()) {
                return "order must not be empty";
            }
            for (Op op : mutate.ops()) {
                if (!(op.path().get(0) instanceof PathStep.Key)) {
                    return "an operation's path starts with a key of the order: " + op.path();
                }
            }
            return null;
        }
    }
}
