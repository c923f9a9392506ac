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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of every multi-session: applies terminals' mutations to the orders in its
 * {@link HubStore}, assigns shared order numbers and sequence numbers, and broadcasts each
 * accepted change to every terminal of the session. It works on JSON and operations only and
 * needs no model classes.
 *
 * <p><b>Threads and batches.</b> {@link HubConnection#receive} only checks a message and queues
 * it: every message of a session, from all of its connections, goes through one queue per
 * session, handled in arrival order by one task at a time on the hub's executor (a small pool
 * the hub owns, or one given to {@link Builder#executor}). The task takes what has queued up
 * (at most {@link Builder#maxBatch} messages) and applies the consecutive mutations and removals
 * among them in <em>one</em> store transaction, so one commit (one fsync) covers them all; each
 * mutation is decided against an in-memory working copy and kept only when it was handled
 * completely, so one that fails is answered {@code internal} and the others go on. A hello, sync
 * or ping is handled in its place in the queue, so a connection's messages keep their order.
 * The replies and the broadcast go out only after the commit. Different sessions run in
 * parallel.
 *
 * <p><b>Backpressure.</b> A session holds at most {@link Builder#queueLimits} mutations waiting,
 * in total and per connection; a mutation over either bound is answered {@code rate_limited}
 * and dropped, and the terminal re-sends it after a pause.
 *
 * <p>Broadcasts leave in sequence order: after each local commit the hub sends the events it
 * has just written; after a commit on another node (as told by {@link HubStore#onRemoteCommit})
 * it reads the log after the last event it broadcast. A hub built on a store another hub used
 * continues exactly where that one stopped. Thread-safe. See docs/PROTOCOL.md for the rules.
 */
public final class Hub implements HubEndpoint, AutoCloseable {

    /** The protocol version this hub speaks. */
    public static final int PROTOCOL = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    private static final int READ_BATCH = 500;

    private final HubStore store;
    private final Clock clock;
    private final int logSize;
    private final int maxBatch;
    private final int sessionQueueLimit;
    private final int connectionQueueLimit;
    /** Where sessions' queues are drained; null: on the thread that queued the message. */
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Hub(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.clock = builder.clock;
        this.logSize = builder.logSize;
        this.maxBatch = builder.maxBatch;
        this.sessionQueueLimit = builder.sessionQueueLimit;
        this.connectionQueueLimit = builder.connectionQueueLimit;
        if (builder.sameThread) {
            this.executor = null;
            this.ownedExecutor = null;
        } else if (builder.executor != null) {
            this.executor = builder.executor;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = workers(builder.workers);
            this.executor = ownedExecutor;
        }
        store.onRemoteCommit(session -> {
            Channel channel = channels.get(session);
            if (channel != null) {
                channel.pump();
            }
        });
    }

    private static ExecutorService workers(int count) {
        AtomicInteger numbers = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "multisession-hub-" + numbers.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
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

    /**
     * Stops accepting connections and closes the open ones; work already taken up is finished
     * (for at most 5 seconds) when the hub owns its executor. The store is the caller's to close.
     */
    @Override
    public void close() {
        closed = true;
        for (Channel channel : channels.values()) {
            for (Connection connection : channel.connections) {
                connection.close();
            }
        }
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("hub workers still busy 5 s after close; leaving them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Channel channel(String session) {
        return channels.computeIfAbsent(session, Channel::new);
    }

    /** One message waiting in a session's queue. */
    private record Work(Connection connection, ClientMessage message) {
        boolean mutation() {
            return message instanceof ClientMessage.Mutate || message instanceof ClientMessage.Remove;
        }
    }

    /**
     * The in-memory side of one session on this hub: its connections, how far broadcasting got,
     * and the queue of messages waiting to be handled.
     */
    private final class Channel {
        final String session;
        final List<Connection> connections = new CopyOnWriteArrayList<>();
        /** Guarded by this channel's monitor, like every send to its connections. */
        private long broadcastSeq = -1;
        private final Object queueLock = new Object();
        private final ArrayDeque<Work> queue = new ArrayDeque<>();
        private int queuedMutations;
        private boolean draining;

        Channel(String session) {
            this.session = session;
        }

        /** Queues a message; false if it is a mutation over the session's or the connection's bound. */
        boolean offer(Work work) {
            synchronized (queueLock) {
                if (work.mutation()) {
                    if (queuedMutations >= sessionQueueLimit || work.connection.queuedMutations >= connectionQueueLimit) {
                        return false;
                    }
                    queuedMutations++;
                    work.connection.queuedMutations++;
                }
                queue.add(work);
                if (draining) {
                    return true;
                }
                draining = true;
            }
            if (executor == null) {
                drainHere();
            } else {
                schedule();
            }
            return true;
        }

        private void schedule() {
            try {
                executor.execute(this::drainOnce);
            } catch (RejectedExecutionException e) {
                List<Work> dropped = new ArrayList<>();
                synchronized (queueLock) {
                    take(dropped, Integer.MAX_VALUE);
                    draining = false;
                }
                LOG.warn("session {}: the hub's executor refused work ({}); {} message(s) dropped unanswered",
                        session, e.getMessage(), dropped.size());
            }
        }

        /** Same-thread mode: handles everything queued, including what arrives meanwhile. */
        private void drainHere() {
            List<Work> batch = new ArrayList<>();
            while (true) {
                synchronized (queueLock) {
                    take(batch, maxBatch);
                    if (batch.isEmpty()) {
                        draining = false;
                        return;
                    }
                }
                handle(batch);
                batch.clear();
            }
        }

        /** Executor mode: one batch per task, so that busy sessions take turns with the others. */
        private void drainOnce() {
            List<Work> batch = new ArrayList<>();
            synchronized (queueLock) {
                take(batch, maxBatch);
                if (batch.isEmpty()) {
                    draining = false;
                    return;
                }
            }
            try {
                handle(batch);
            } finally {
                boolean more;
                synchronized (queueLock) {
                    more = !queue.isEmpty();
                    if (!more) {
                        draining = false;
                    }
                }
                if (more) {
                    schedule();
                }
            }
        }

        /** Moves up to {@code limit} messages from the queue into {@code batch}; the caller holds the queue lock. */
        private void take(List<Work> batch, int limit) {
            while (batch.size() < limit) {
                Work work = queue.poll();
                if (work == null) {
                    return;
                }
                if (work.mutation()) {
                    queuedMutations--;
                    work.connection.queuedMutations--;
                }
                batch.add(work);
            }
        }

        /** Handles a batch in queue order: runs of mutations in one transaction each, other messages in between. */
        private void handle(List<Work> batch) {
            List<Work> mutations = new ArrayList<>();
            for (Work work : batch) {
                if (work.connection.closed) {
                    continue; // the terminal re-sends after reconnecting; nothing was acknowledged
                }
                if (work.mutation()) {
                    mutations.add(work);
                    continue;
                }
                applyMutations(mutations);
                mutations.clear();
                work.connection.handleControl(work.message);
            }
            applyMutations(mutations);
        }

        /**
         * Applies mutations in one store transaction, then answers each and broadcasts the new
         * events. A mutation that throws is answered {@code internal} and changes nothing; a
         * transaction that fails answers every one of them {@code internal}.
         */
        private void applyMutations(List<Work> mutations) {
            if (mutations.isEmpty()) {
                return;
            }
            List<SessionWorkingCopy.Step> steps = new ArrayList<>(mutations.size());
            List<HubMessage.Event> events;
            try {
                events = store.inSession(session, tx -> {
                    steps.clear();
                    SessionWorkingCopy copy = new SessionWorkingCopy(tx, logSize);
                    for (Work work : mutations) {
                        SessionWorkingCopy.Step step;
                        try {
                            step = work.connection.decide(copy, work.message);
                        } catch (RuntimeException e) {
                            LOG.warn("{} of {}/{} failed", ref(work.message), session, work.connection.identity.terminal(), e);
                            step = SessionWorkingCopy.Step.replyOnly(new HubMessage.Error(Reason.INTERNAL,
                                    "the hub failed on this message: " + e, ref(work.message)));
                        }
                        copy.keep(step);
                        steps.add(step);
                    }
                    copy.writeTo();
                    return copy.events();
                });
            } catch (RuntimeException e) {
                LOG.warn("session {}: a transaction of {} mutation(s) failed", session, mutations.size(), e);
                synchronized (this) {
                    for (Work work : mutations) {
                        work.connection.sink.send(new HubMessage.Error(Reason.INTERNAL,
                                "the hub failed on this message: " + e, ref(work.message)));
                    }
                }
                return;
            }
            synchronized (this) {
                for (int i = 0; i < mutations.size(); i++) {
                    mutations.get(i).connection.sink.send(steps.get(i).reply());
                }
                broadcast(events);
            }
        }

        /** Sends events just committed here; falls back to the log when they do not follow what was sent. */
        private void broadcast(List<HubMessage.Event> events) {
            for (HubMessage.Event event : events) {
                if (broadcastSeq >= 0 && event.seq() <= broadcastSeq) {
                    continue; // already sent after a poke that read the log
                }
                if (broadcastSeq < 0 || event.seq() != broadcastSeq + 1) {
                    pump();
                    return;
                }
                for (Connection connection : connections) {
                    connection.deliver(event);
                }
                broadcastSeq = event.seq();
            }
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
            if (!connection.closed && !connections.contains(connection)) {
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

        synchronized void remove(Connection connection) {
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
        /** Mutations of this connection waiting in the session's queue; guarded by the queue's lock. */
        int queuedMutations;
        volatile boolean closed;
        // read and written by the session's queue task only
        private boolean greeted;
        private String user;

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

        /** Checks what needs no state, then queues; the session's task does the rest. */
        @Override
        public void receive(ClientMessage message) {
            String invalid = invalid(message);
            if (invalid != null) {
                sink.send(new HubMessage.Error(Reason.MALFORMED, invalid, ref(message)));
                return;
            }
            if (!channel.offer(new Work(this, message))) {
                sink.send(new HubMessage.Error(Reason.RATE_LIMITED, "the hub has too many changes of this session"
                        + " or this terminal waiting; this one was dropped, send it again later", ref(message)));
            }
        }

        /** Handles a hello, sync or ping in its place in the session's queue. */
        void handleControl(ClientMessage message) {
            try {
                if (message instanceof ClientMessage.Hello hello) {
                    hello(hello);
                } else if (message instanceof ClientMessage.Ping ping) {
                    sink.send(new HubMessage.Pong(ping.nonce()));
                } else if (!greeted) {
                    sink.send(new HubMessage.Error(Reason.FORBIDDEN, "send hello first", ref(message)));
                } else {
                    ClientMessage.Sync sync = (ClientMessage.Sync) message;
                    channel.catchUp(this, currentRun(), sync.afterSeq(), false);
                }
            } catch (RuntimeException e) {
                LOG.warn("{} of {}/{} failed", message.type(), identity.session(), identity.terminal(), e);
                sink.send(new HubMessage.Error(Reason.INTERNAL, "the hub failed on this message: " + e, ref(message)));
            }
        }

        /** What to do with a mutation or removal, decided against the batch's working copy. */
        SessionWorkingCopy.Step decide(SessionWorkingCopy copy, ClientMessage message) {
            if (!greeted) {
                return SessionWorkingCopy.Step.replyOnly(
                        new HubMessage.Error(Reason.FORBIDDEN, "send hello first", ref(message)));
            }
            if (message instanceof ClientMessage.Mutate mutate) {
                return mutate(copy, mutate);
            }
            return remove(copy, (ClientMessage.Remove) message);
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
            user = hello.user();
            greeted = true;
            channel.catchUp(this, hello.runId(), hello.lastSeq(), true);
        }

        private SessionWorkingCopy.Step mutate(SessionWorkingCopy copy, ClientMessage.Mutate mutate) {
            SessionHead head = copy.head();
            SessionWorkingCopy.Step early = ordering(copy, head, mutate.mutationId(), mutate.runId(), mutate.order());
            if (early != null) {
                return early;
            }
            StoredOrder existing = copy.order(mutate.order()).orElse(null);
            // a copy, so that a failure half-way leaves the working copy as it was
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
                return SessionWorkingCopy.Step.cursorOnly(new HubMessage.Ack(mutate.mutationId(), head.seq(), false, dropped),
                        identity.terminal(), new TerminalCursor(mutate.mutationId(), head.seq()));
            }
            Author author = new Author(identity.terminal(), userOf(mutate.user()), clock.instant());
            long number = existing != null && existing.number() > 0 ? existing.number() : head.lastOrderNumber() + 1;
            long revision = existing == null ? 1 : existing.revision() + 1;
            ObjectNode info = existing == null ? OrderInfo.empty() : existing.info().deepCopy();
            OrderInfo.record(info, applied, author);
            long seq = head.seq() + 1;
            return new SessionWorkingCopy.Step(new HubMessage.Ack(mutate.mutationId(), seq, false, dropped),
                    identity.terminal(), new TerminalCursor(mutate.mutationId(), seq),
                    new StoredOrder(mutate.order(), revision, number, data, info, false, false),
                    new HubMessage.Change(seq, head.runId(), mutate.order(), revision, number, author,
                            mutate.mutationId(), applied),
                    new SessionHead(head.runId(), seq, Math.max(number, head.lastOrderNumber()), head.logFloor()));
        }

        private SessionWorkingCopy.Step remove(SessionWorkingCopy copy, ClientMessage.Remove remove) {
            SessionHead head = copy.head();
            SessionWorkingCopy.Step early = ordering(copy, head, remove.mutationId(), remove.runId(), remove.order());
            if (early != null) {
                return early;
            }
            StoredOrder existing = copy.order(remove.order()).orElse(null);
            Author author = new Author(identity.terminal(), userOf(remove.user()), clock.instant());
            long revision = existing == null ? 1 : existing.revision() + 1;
            long seq = head.seq() + 1;
            ObjectNode info = existing == null ? OrderInfo.empty() : existing.info().deepCopy();
            info.set("removed", OrderInfo.stamp(author));
            return new SessionWorkingCopy.Step(new HubMessage.Ack(remove.mutationId(), seq, false, List.of()),
                    identity.terminal(), new TerminalCursor(remove.mutationId(), seq),
                    new StoredOrder(remove.order(), revision, existing == null ? 0 : existing.number(),
                            JsonNodeFactory.instance.objectNode(), info, true, remove.finalized()),
                    new HubMessage.Removed(seq, head.runId(), remove.order(), revision, author,
                            remove.mutationId(), remove.finalized()),
                    new SessionHead(head.runId(), seq, head.lastOrderNumber(), head.logFloor()));
        }

        /** The answer when the mutation must not be applied (duplicate, gap, old run, removed order); else null. */
        private SessionWorkingCopy.Step ordering(SessionWorkingCopy copy, SessionHead head, long mutationId, long runId,
                String order) {
            TerminalCursor cursor = copy.terminal(identity.terminal());
            if (mutationId <= cursor.lastMutationId()) {
                return SessionWorkingCopy.Step.replyOnly(
                        new HubMessage.Ack(cursor.lastMutationId(), cursor.seq(), true, List.of()));
            }
            if (mutationId > cursor.lastMutationId() + 1) {
                return SessionWorkingCopy.Step.replyOnly(new HubMessage.Resend(cursor.lastMutationId() + 1));
            }
            TerminalCursor handled = new TerminalCursor(mutationId, head.seq());
            if (runId != head.runId()) {
                return SessionWorkingCopy.Step.cursorOnly(new HubMessage.Rejected(mutationId, order, Reason.STALE_RUN,
                        "the session was reset to run " + head.runId() + "; this change was made in run " + runId,
                        head.seq()), identity.terminal(), handled);
            }
            StoredOrder existing = copy.order(order).orElse(null);
            if (existing != null && existing.removed()) {
                return SessionWorkingCopy.Step.cursorOnly(new HubMessage.Rejected(mutationId, order, Reason.ORDER_REMOVED,
                        "order " + order + " was " + (existing.finalized() ? "paid" : "removed"), head.seq()),
                        identity.terminal(), handled);
            }
            return null;
        }

        private String userOf(String fromMessage) {
            return fromMessage != null ? fromMessage : user;
        }

        @Override
        public void close() {
            closed = true;
            channel.remove(this);
        }
    }

    /** What is wrong with a message that needs no state to tell; null if nothing. */
    private static String invalid(ClientMessage message) {
        if (message == null) {
            return "no message";
        }
        if (message instanceof ClientMessage.Mutate mutate) {
            return MutationCheck.check(mutate);
        }
        if (message instanceof ClientMessage.Remove remove) {
            return remove.mutationId() < 1 || remove.order().isEmpty()
                    ? "mutationId starts at 1 and order must not be empty" : null;
        }
        if (message instanceof ClientMessage.Hello hello) {
            return hello.lastSeq() < 0 || hello.runId() < 0 ? "runId and lastSeq must not be negative" : null;
        }
        if (message instanceof ClientMessage.Sync sync) {
            return sync.afterSeq() < 0 ? "afterSeq must not be negative" : null;
        }
        return null;
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

    /** Settings of a {@link Hub}. */
    public static final class Builder {
        private HubStore store;
        private Clock clock = Clock.systemUTC();
        private int logSize = 10_000;
        private Executor executor;
        private boolean sameThread;
        private int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int maxBatch = 256;
        private int sessionQueueLimit = 4096;
        private int connectionQueueLimit = 256;

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

        /**
         * Runs the sessions' queues on {@code executor}, which the hub does not shut down. By
         * default the hub owns a pool of {@link #workers} daemon threads, shut down by
         * {@link Hub#close()}. One session's queue occupies at most one thread at a time.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            this.sameThread = false;
            return this;
        }

        /** Threads of the pool the hub owns when no {@link #executor} is given (default: 4, or 2 per core if more). */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, not " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * Handles each message on the thread that hands it to {@link HubConnection#receive},
         * before {@code receive} returns, unless a call is already handling the session's queue
         * (on another thread, or further up the same thread's stack when a reply leads straight
         * to a new message): that call then handles it as well, right after what it is doing.
         * For single-threaded tests and simulations, where replies must come back
         * deterministically; no pipelining.
         */
        public Builder sameThread() {
            this.sameThread = true;
            this.executor = null;
            return this;
        }

        /** The most messages one task takes from a session's queue, so the most mutations in one transaction (default 256). */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1, not " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /**
         * The most mutations that may wait in one session's queue, and of those the most from one
         * connection (defaults 4,096 and 256; a terminal keeps up to 64 in flight). A mutation over
         * either bound is answered {@code rate_limited} and dropped; the terminal re-sends it.
         */
        public Builder queueLimits(int perSession, int perConnection) {
            if (perSession < 1 || perConnection < 1) {
                throw new IllegalArgumentException("queue limits must be at least 1, not " + perSession + " and "
                        + perConnection);
            }
            this.sessionQueueLimit = perSession;
            this.connectionQueueLimit = perConnection;
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
