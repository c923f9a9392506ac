package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.transport.TerminalTransport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal's side of the protocol with the hub: hello and welcome, the send window of the
 * outbox, acknowledgements, resend requests and rate limiting, and events in sequence (keeping
 * early ones and asking for what a gap lost). It runs every transport event on the terminal's
 * executor, under the terminal's lock. See docs/PROTOCOL.md, "On a terminal".
 */
final class HubLink<O> {

    private static final Logger LOG = LoggerFactory.getLogger(HubLink.class);
    private static final long FIRST_PAUSE_MILLIS = 250;
    private static final long MAX_PAUSE_MILLIS = 8_000;

    private final String session;
    private final String terminalId;
    private final String user;
    private final TerminalTransport transport;
    private final Executor executor;
    private final Object lock;
    private final BooleanSupplier closed;
    private final Replica replica;
    private final Outbox outbox;
    private final OrderModels<O> models;
    private final Listeners<O> listeners;

    // all state below is guarded by lock
    private final TreeMap<Long, HubMessage.Event> early = new TreeMap<>();
    private long syncRequestedAfter = -1;
    private boolean connected;
    private boolean welcomed;
    private boolean refusalReported;
    /** Counts connections, so that a timer set on one does nothing on the next. */
    private long connection;
    /** The hub dropped messages for exceeding its rate; sending waits until the pause ends. */
    private boolean paused;
    private long pauseMillis = FIRST_PAUSE_MILLIS;

    HubLink(Terminal.Identity identity, TerminalTransport transport, Executor executor, Object lock,
            BooleanSupplier closed, Replica replica, Outbox outbox, OrderModels<O> models, Listeners<O> listeners) {
        this.session = identity.session();
        this.terminalId = identity.terminalId();
        this.user = identity.user();
        this.transport = transport;
        this.executor = executor;
        this.lock = lock;
        this.closed = closed;
        this.replica = replica;
        this.outbox = outbox;
        this.models = models;
        this.listeners = listeners;
    }

    void start() {
        transport.start(new TransportEvents());
    }

    /** Whether the hub has welcomed this terminal on the current connection. */
    boolean isOnline() {
        return welcomed;
    }

    /**
     * Sends pending mutations after the last one sent, in order, while the window has room;
     * acknowledgements call it again.
     */
    void pump() {
        if (!welcomed || paused) {
            return;
        }
        PendingMutation next;
        while ((next = outbox.nextToSend()) != null) {
            if (!transport.send(next.message())) {
                return;
            }
            outbox.sent(next);
        }
    }

    // ---------------------------------------------------------------- connection

    private void onConnected() {
        connected = true;
        welcomed = false;
        paused = false;
        refusalReported = false;
        connection++;
        sayHello();
    }

    private void sayHello() {
        transport.send(new ClientMessage.Hello(session, terminalId, user, replica.runId, replica.lastSeq,
                Terminal.PROTOCOL));
    }

    private void onDisconnected(String reason) {
        boolean wasOnline = welcomed;
        connected = false;
        welcomed = false;
        paused = false;
        connection++;
        early.clear();
        syncRequestedAfter = -1;
        LOG.debug("terminal {} disconnected: {}", terminalId, reason);
        if (wasOnline) {
            listeners.connectionChanged(false);
        }
    }

    private void onUnauthorized(String reason) {
        onDisconnected(reason);
        if (!refusalReported) {
            refusalReported = true;
            LOG.warn("terminal {}: the hub refused its credentials: {}", terminalId, reason);
            listeners.unauthorized(reason);
        }
    }

    private void onMessage(HubMessage message) {
        if (message instanceof HubMessage.Event event) {
            onEvent(event);
        } else if (message instanceof HubMessage.Welcome welcome) {
            onWelcome(welcome);
        } else if (message instanceof HubMessage.Snapshot snapshot) {
            onSnapshot(snapshot);
        } else if (message instanceof HubMessage.Ack ack) {
            onAck(ack);
        } else if (message instanceof HubMessage.Rejected rejected) {
            onRejected(rejected);
        } else if (message instanceof HubMessage.Resend resend) {
            if (welcomed && !paused && outbox.resendFrom(resend.expectedMutationId())) {
                pump();
            }
        } else if (message instanceof HubMessage.Error error) {
            if (Reason.RATE_LIMITED.equals(error.code())) {
                onRateLimited();
                return;
            }
            LOG.warn("terminal {}: hub reported {} ({}) for {}", terminalId, error.code(), error.message(), error.ref());
        }
        // Pong: nothing to do
    }

    private void onWelcome(HubMessage.Welcome welcome) {
        if (!connected) {
            return;
        }
        welcomed = true;
        List<ClientMessage> rewritten = List.of();
        if (replica.runId == 0) {
            // Changes made before this terminal ever reached the hub belong to the hub's current
            // run, and so does every change made from now on: the terminal takes the run right
            // here, not when the snapshot that follows arrives, so no edit is made for run 0 while
            // it is already sending.
            replica.runId = welcome.runId();
            rewritten = outbox.adoptRun(welcome.runId());
        }
        if (welcome.lastMutationId() > replica.lastMutationId) {
            replica.lastMutationId = welcome.lastMutationId(); // local state was lost: continue after the hub's count
        }
        // handled before we reconnected: reflected by welcome.seq
        outbox.acknowledge(welcome.lastMutationId(), welcome.seq());
        List<Long> replaced = new ArrayList<>();
        for (ClientMessage message : rewritten) {
            replaced.add(TerminalStore.TerminalWrite.mutationId(message));
        }
        replica.persist(false, List.of(), List.of(), rewritten, replaced);
        outbox.restart(welcome.lastMutationId());
        pump();
        settle(new Replica.EventBatch(), false);
        listeners.connectionChanged(true);
    }

    /**
     * The hub dropped a message for exceeding its rate. Which one is not said, so sending stops
     * for a while (doubling up to a few seconds while it keeps happening) and then starts again
     * from the first unacknowledged mutation; the hub answers any it already had as duplicates.
     */
    private void onRateLimited() {
        if (paused || !connected) {
            return;
        }
        paused = true;
        long delay = pauseMillis;
        pauseMillis = Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
        long pausedConnection = connection;
        LOG.debug("terminal {}: rate limited by the hub; pausing {} ms", terminalId, delay);
        RetryTimer.schedule(delay, () -> executor.execute(() -> {
            synchronized (lock) {
                if (!closed.getAsBoolean() && connection == pausedConnection && paused) {
                    resume();
                }
            }
        }));
    }

    private void resume() {
        paused = false;
        if (!welcomed) {
            sayHello();
            return;
        }
        if (!early.isEmpty()) {
            syncRequestedAfter = replica.lastSeq;
            transport.send(new ClientMessage.Sync(replica.lastSeq));
        }
        outbox.rewind();
        pump();
    }

    // ---------------------------------------------------------------- hub state

    private void onEvent(HubMessage.Event event) {
        Replica.EventBatch batch = new Replica.EventBatch();
        if (applyEvent(event, batch)) {
            settle(batch, false);
            pump();
        }
    }

    /**
     * Applies an event, and the early ones it makes applicable, into {@code batch}; the caller
     * settles the batch (once for several events). False if nothing was applied.
     */
    private boolean applyEvent(HubMessage.Event event, Replica.EventBatch batch) {
        if (event.runId() != replica.runId || event.seq() <= replica.lastSeq) {
            return false; // another run (a snapshot follows) or already applied
        }
        if (event.seq() > replica.lastSeq + 1) {
            early.put(event.seq(), event);
            if (syncRequestedAfter != replica.lastSeq && welcomed) {
                syncRequestedAfter = replica.lastSeq;
                transport.send(new ClientMessage.Sync(replica.lastSeq));
            }
            return false;
        }
        HubMessage.Event next = event;
        while (next != null) {
            replica.apply(next, batch);
            ackOwn(next);
            early.headMap(replica.lastSeq, true).clear();
            next = early.remove(replica.lastSeq + 1);
        }
        return true;
    }

    /**
     * Handles what the transport delivered since the last time, in order. Runs of events and
     * plain acks are settled once for the whole run: under load a terminal receives many
     * events at a time, and settling (dropping reflected mutations, refreshing the models the
     * events touched) costs the same for one event as for many.
     */
    private void onInbox(List<Object> items) {
        Replica.EventBatch batch = null;
        for (Object item : items) {
            if (closed.getAsBoolean()) {
                return;
            }
            if (item instanceof HubMessage.Event event) {
                batch = batch != null ? batch : new Replica.EventBatch();
                applyEvent(event, batch);
            } else if (item instanceof HubMessage.Ack ack && ack.dropped().isEmpty()) {
                batch = batch != null ? batch : new Replica.EventBatch();
                outbox.acknowledge(ack.mutationId(), ack.seq());
                resetPause();
            } else {
                if (batch != null) {
                    settle(batch, false);
                    pump();
                    batch = null;
                }
                if (item instanceof HubMessage message) {
                    onMessage(message);
                } else {
                    ((Runnable) item).run();
                }
            }
        }
        if (batch != null) {
            settle(batch, false);
            pump();
        }
    }

    /** Our own change coming back acknowledges it, even when its Ack is late. */
    private void ackOwn(HubMessage.Event event) {
        Author author;
        long mutationId;
        if (event instanceof HubMessage.Change change) {
            author = change.author();
            mutationId = change.mutationId();
        } else {
            HubMessage.Removed removed = (HubMessage.Removed) event;
            author = removed.author();
            mutationId = removed.mutationId();
        }
        if (author.terminal().equals(terminalId)) {
            outbox.acknowledge(mutationId, event.seq());
            resetPause();
        }
    }

    private void onSnapshot(HubMessage.Snapshot snapshot) {
        Replica.EventBatch batch = new Replica.EventBatch();
        batch.touched.addAll(replica.adopt(snapshot, models.uids()));
        // the snapshot already holds this terminal's mutations up to its lastMutationId, even
        // those whose acks were lost: applying them again on top would count their deltas twice
        outbox.containedIn(snapshot.lastMutationId(), snapshot.seq());
        if (snapshot.lastMutationId() > replica.lastMutationId) {
            replica.lastMutationId = snapshot.lastMutationId();
        }
        early.headMap(replica.lastSeq, true).clear();
        syncRequestedAfter = -1;
        batch.put.addAll(replica.confirmedOrders());
        settle(batch, true);
        HubMessage.Event next = early.remove(replica.lastSeq + 1);
        if (next != null) {
            onEvent(next);
        }
        pump();
    }

    private void onAck(HubMessage.Ack ack) {
        outbox.acknowledge(ack.mutationId(), ack.seq());
        resetPause();
        Replica.EventBatch batch = new Replica.EventBatch();
        PendingMutation acked = outbox.get(ack.mutationId());
        String order = acked != null ? acked.order() : null;
        for (HubMessage.DroppedOp dropped : ack.dropped()) {
            if (order != null) {
                batch.touched.add(order);
            }
            listeners.conflict(new Conflict(order, ack.mutationId(), dropped.op(), dropped.reason(), dropped.message()));
        }
        settle(batch, false);
        pump();
    }

    private void onRejected(HubMessage.Rejected rejected) {
        outbox.acknowledgedUpTo(rejected.mutationId());
        PendingMutation pending = outbox.get(rejected.mutationId());
        if (pending == null) {
            return; // already settled (for example a rejection of an old run's change we dropped)
        }
        outbox.remove(rejected.mutationId());
        replica.persist(false, List.of(), List.of(), List.of(), List.of(rejected.mutationId()));
        listeners.conflict(new Conflict(rejected.order(), rejected.mutationId(), null, rejected.reason(),
                rejected.message()));
        Replica.EventBatch batch = new Replica.EventBatch();
        batch.touched.add(pending.order());
        settle(batch, false);
        pump();
    }

    private void resetPause() {
        if (!paused) {
            pauseMillis = FIRST_PAUSE_MILLIS;
        }
    }

    /** Drops pending changes the confirmed state now holds, persists, and refreshes the touched orders. */
    private void settle(Replica.EventBatch batch, boolean clearOrders) {
        List<Long> dequeued = new ArrayList<>();
        for (PendingMutation pending : outbox.dropReflected(replica.lastSeq)) {
            dequeued.add(pending.mutationId());
            batch.touched.add(pending.order());
        }
        replica.persist(clearOrders, batch.put, batch.deleted, List.of(), dequeued);
        models.refresh(batch.touched, batch.finalized);
    }

    /**
     * Hops every transport event onto the app's executor, in order: what arrives while an
     * earlier hop is still waiting joins it, so a busy terminal handles its messages in runs.
     */
    private final class TransportEvents implements TerminalTransport.Listener {
        private final ArrayDeque<Object> inbox = new ArrayDeque<>();
        /** A task to drain the inbox is on its way; guarded by the inbox. */
        private boolean scheduled;
        /** Guarded by the terminal's lock. */
        private boolean draining;
        private boolean again;

        @Override
        public void connected() {
            enqueue((Runnable) HubLink.this::onConnected);
        }

        @Override
        public void received(HubMessage message) {
            enqueue(message);
        }

        @Override
        public void disconnected(String reason) {
            enqueue((Runnable) () -> onDisconnected(reason));
        }

        @Override
        public void unauthorized(String reason) {
            enqueue((Runnable) () -> onUnauthorized(reason));
        }

        private void enqueue(Object item) {
            synchronized (inbox) {
                inbox.add(item);
                if (scheduled) {
                    return;
                }
                scheduled = true;
            }
            executor.execute(this::drain);
        }

        /**
         * Handles what is waiting now; if more arrives meanwhile, hands the rest to a new task
         * so that the app's own tasks on the executor get their turn in between. With an
         * executor that runs tasks on the calling thread, the new task cannot run inside this
         * one: it asks this one to go round again instead.
         */
        private void drain() {
            synchronized (lock) {
                if (draining) {
                    again = true;
                    return;
                }
                draining = true;
                try {
                    do {
                        again = false;
                        List<Object> items;
                        synchronized (inbox) {
                            if (inbox.isEmpty()) {
                                scheduled = false;
                                return;
                            }
                            items = new ArrayList<>(inbox);
                            inbox.clear();
                        }
                        if (!closed.getAsBoolean()) {
                            onInbox(items);
                        }
                        synchronized (inbox) {
                            if (inbox.isEmpty()) {
                                scheduled = false;
                                return;
                            }
                        }
                        executor.execute(this::drain);
                    } while (again);
                } finally {
                    draining = false;
                }
            }
        }
    }
}
