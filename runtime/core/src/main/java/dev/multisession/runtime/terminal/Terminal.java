package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.merge.JsonValues;
import dev.multisession.runtime.merge.MergeEngine;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.terminal.TerminalStore.TerminalState;
import dev.multisession.runtime.terminal.TerminalStore.TerminalWrite;
import dev.multisession.runtime.transport.TerminalTransport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One point-of-sale device's view of a multi-session: the open orders as model objects, kept in
 * sync with the hub.
 *
 * <p>App code changes an order inside {@link #edit}; the terminal then exports the order, diffs
 * it against what it showed before (the hub's confirmed state plus its own pending changes) and
 * queues the resulting operations as one mutation in its durable outbox, sending it right away
 * when connected. Changes from other terminals are applied to the model objects through the
 * codec and reported to {@link TerminalListener}s; the terminal's own changes coming back from
 * the hub are not (no echo).
 *
 * <p><b>Threads.</b> Everything the network reports is handled on the {@link Builder#executor
 * executor} the app chooses (its UI thread), one task at a time; listeners are called there.
 * App code should call the terminal on that same thread: the model objects are only ever
 * changed there. The terminal's state is also guarded by a lock, so a call from another thread
 * is safe for the terminal, though not for the app's own model objects.
 *
 * @param <O> the order model type
 */
public final class Terminal<O> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Terminal.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The protocol version this terminal speaks. */
    public static final int PROTOCOL = 1;
    /** Mutations sent and not yet acknowledged, by default. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    private static final long FIRST_RATE_LIMIT_PAUSE_MILLIS = 250;
    private static final long MAX_RATE_LIMIT_PAUSE_MILLIS = 8_000;

    private final MultiSessionCodec<O> codec;
    private final String idKey;
    private final String session;
    private final String terminalId;
    private final String user;
    private final TerminalTransport transport;
    private final TerminalStore store;
    private final Executor executor;
    private final Supplier<String> ids;
    private final int maxInFlight;
    private final List<TerminalListener<O>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // all state below is guarded by lock
    private long runId;
    private long lastSeq;
    private long lastMutationId;
    private final Map<String, HubMessage.OrderState> confirmed = new HashMap<>();
    private final TreeMap<Long, Pending> outbox = new TreeMap<>();
    private final Map<String, O> models = new LinkedHashMap<>();
    private final Map<O, String> uids = new IdentityHashMap<>();
    private final Map<String, ObjectNode> visible = new HashMap<>();
    private final Set<String> removedOrders = new HashSet<>();
    private final TreeMap<Long, HubMessage.Event> early = new TreeMap<>();
    private long syncRequestedAfter = -1;
    private boolean connected;
    private boolean welcomed;
    private boolean closed;
    private boolean refusalReported;
    /** Counts connections, so that a timer set on one does nothing on the next. */
    private long connection;
    /** The highest mutation id sent on this connection. */
    private long sentUpTo;
    /** The highest mutation id the hub has acknowledged (every lower one too). */
    private long ackedUpTo;
    /** After a resend: the id it rewound to and how many stale resend requests for it are still due. */
    private long rewoundTo = -1;
    private long staleResends;
    /** The hub dropped messages for exceeding its rate; sending waits until the pause ends. */
    private boolean paused;
    private long pauseMillis = FIRST_RATE_LIMIT_PAUSE_MILLIS;

    private Terminal(Builder<O> builder) {
        this.codec = Objects.requireNonNull(builder.codec, "codec (or model type)");
        this.idKey = codec.idKey().orElseThrow(() -> new IllegalArgumentException(
                codec.modelType().getName() + " has no @MultiSessionId field: orders need an id to be synced"));
        this.session = Objects.requireNonNull(builder.session, "session");
        this.terminalId = Objects.requireNonNull(builder.terminalId, "terminalId");
        this.user = builder.user;
        this.transport = Objects.requireNonNull(builder.transport, "transport");
        this.store = builder.store != null ? builder.store : new InMemoryTerminalStore();
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.ids = builder.ids != null ? builder.ids : () -> terminalId + "-" + UUID.randomUUID();
        this.maxInFlight = builder.maxInFlight;
        restore(store.load());
    }

    /** A builder for terminals syncing orders of {@code modelType} (through its generated codec). */
    public static <O> Builder<O> builder(Class<O> modelType) {
        return new Builder<>(MultiSessionCodecs.forClass(modelType));
    }

    /** A builder for terminals syncing orders through {@code codec}. */
    public static <O> Builder<O> builder(MultiSessionCodec<O> codec) {
        return new Builder<>(codec);
    }

    /** Starts talking to the hub; until then (and whenever offline) changes wait in the outbox. */
    public Terminal<O> start() {
        transport.start(new TransportEvents());
        return this;
    }

    /** Adds a listener; call before {@link #start()} to hear about every change. */
    public void addListener(TerminalListener<O> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(TerminalListener<O> listener) {
        listeners.remove(listener);
    }

    /** Creates a new order, gives it an id if its constructor did not, and syncs it. */
    public O newOrder() {
        return newOrder(order -> {});
    }

    /** Creates a new order, lets {@code init} fill it, and syncs it as one mutation. */
    public O newOrder(Consumer<? super O> init) {
        synchronized (lock) {
            checkOpen();
            O order = codec.newInstance();
            JsonNode id = codec.exportAsJson(order).get(idKey);
            if (id == null || id.isNull()) {
                order = codec.newInstance();
                ObjectNode withId = JSON.objectNode();
                withId.set(idKey, TextNode.valueOf(ids.get()));
                codec.initFromJson(order, withId);
                id = withId.get(idKey);
            }
            String uid = id.asText();
            if (models.containsKey(uid) || confirmed.containsKey(uid)) {
                throw new IllegalStateException("an order with id " + uid + " already exists");
            }
            init.accept(order);
            models.put(uid, order);
            uids.put(order, uid);
            visible.put(uid, JSON.objectNode());
            sync(uid, order);
            return order;
        }
    }

    /** Runs {@code change} on {@code order}, then sends what it changed. */
    public void edit(O order, Consumer<? super O> change) {
        synchronized (lock) {
            checkOpen();
            String uid = uidOf(order);
            change.accept(order);
            sync(uid, order);
        }
    }

    /** Removes an order everywhere: paid ({@code finalized}) or abandoned. */
    public void remove(O order, boolean finalized) {
        synchronized (lock) {
            checkOpen();
            String uid = uidOf(order);
            HubMessage.OrderState state = confirmed.get(uid);
            ClientMessage.Remove remove = new ClientMessage.Remove(++lastMutationId, runId, uid,
                    state == null ? 0 : state.revision(), user, finalized);
            enqueue(remove);
            models.remove(uid);
            uids.remove(order);
            visible.remove(uid);
        }
    }

    /** The open orders this terminal shows, oldest first. */
    public List<O> orders() {
        synchronized (lock) {
            return List.copyOf(models.values());
        }
    }

    /** The open order with this uid, or null. */
    public O order(String uid) {
        synchronized (lock) {
            return models.get(uid);
        }
    }

    /** The shared order number the hub gave the order; 0 until the hub has accepted it. */
    public long number(O order) {
        synchronized (lock) {
            HubMessage.OrderState state = confirmed.get(uidOf(order));
            return state == null ? 0 : state.number();
        }
    }

    /**
     * Who created and last changed the order and each of its collection elements, as the hub
     * recorded it (see {@link OrderInfo}); empty until the hub has accepted the order.
     */
    public ObjectNode info(O order) {
        synchronized (lock) {
            HubMessage.OrderState state = confirmed.get(uidOf(order));
            return state == null ? JSON.objectNode() : state.info().deepCopy();
        }
    }

    /** The order's JSON as this terminal shows it: the hub's state plus changes not yet confirmed. */
    public ObjectNode visibleState(String uid) {
        synchronized (lock) {
            ObjectNode state = visible.get(uid);
            return state == null ? null : state.deepCopy();
        }
    }

    /** How many of this terminal's mutations the hub has not reflected yet. */
    public int pendingMutations() {
        synchronized (lock) {
            return outbox.size();
        }
    }

    /** Whether the hub has welcomed this terminal on the current connection. */
    public boolean isOnline() {
        synchronized (lock) {
            return welcomed;
        }
    }

    public String terminalId() {
        return terminalId;
    }

    /** The last session sequence number this terminal applied. */
    public long lastSeq() {
        synchronized (lock) {
            return lastSeq;
        }
    }

    /** The run (epoch) of the session this terminal is in; 0 before it first reached the hub. */
    public long runId() {
        synchronized (lock) {
            return runId;
        }
    }

    /** The last mutation id this terminal handed out. */
    public long lastMutationId() {
        synchronized (lock) {
            return lastMutationId;
        }
    }

    /** Closes the transport; the store stays with the caller. Pending changes stay in the store. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        transport.close();
    }

    // ---------------------------------------------------------------- local changes

    private void sync(String uid, O order) {
        ObjectNode base = visible.get(uid);
        ObjectNode exported = codec.exportAsJson(order);
        List<Op> ops = Diff.between(codec, base == null ? JSON.objectNode() : base, exported);
        if (ops.isEmpty()) {
            return;
        }
        HubMessage.OrderState state = confirmed.get(uid);
        ClientMessage.Mutate mutate = new ClientMessage.Mutate(++lastMutationId, runId, uid,
                state == null ? 0 : state.revision(), user, ops);
        enqueue(mutate);
        visible.put(uid, computeVisible(uid));
    }

    private void enqueue(ClientMessage message) {
        outbox.put(TerminalWrite.mutationId(message), new Pending(message));
        store.write(new TerminalWrite(runId, lastSeq, lastMutationId, false, List.of(), List.of(),
                List.of(message), List.of()));
        pump();
    }

    /**
     * Sends pending mutations after the last one sent, in order, while fewer than
     * {@code maxInFlight} are waiting for their acknowledgement; acknowledgements call it again.
     */
    private void pump() {
        if (!welcomed || paused) {
            return;
        }
        while (outbox.subMap(ackedUpTo, false, sentUpTo, true).size() < maxInFlight) {
            Map.Entry<Long, Pending> next = outbox.higherEntry(sentUpTo);
            while (next != null && next.getValue().ackSeq >= 0) {
                next = outbox.higherEntry(next.getKey());
            }
            if (next == null || !transport.send(next.getValue().message)) {
                return;
            }
            sentUpTo = next.getKey();
        }
    }

    private void acknowledgedUpTo(long mutationId) {
        if (mutationId > ackedUpTo) {
            ackedUpTo = mutationId;
            sentUpTo = Math.max(sentUpTo, ackedUpTo);
            if (!paused) {
                pauseMillis = FIRST_RATE_LIMIT_PAUSE_MILLIS;
            }
        }
    }

    private String uidOf(O order) {
        String uid = uids.get(order);
        if (uid == null) {
            throw new IllegalArgumentException("not an open order of this terminal: " + order);
        }
        return uid;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("terminal " + terminalId + " is closed");
        }
    }

    // ---------------------------------------------------------------- state

    private void restore(TerminalState state) {
        runId = state.runId();
        lastSeq = state.lastSeq();
        lastMutationId = state.lastMutationId();
        for (HubMessage.OrderState order : state.confirmed()) {
            confirmed.put(order.order(), copy(order));
        }
        for (ClientMessage message : state.outbox()) {
            outbox.put(TerminalWrite.mutationId(message), new Pending(message));
        }
        for (String uid : knownOrders()) {
            ObjectNode json = computeVisible(uid);
            if (json != null) {
                O model = codec.newInstance();
                codec.initFromJson(model, json);
                models.put(uid, model);
                uids.put(model, uid);
                visible.put(uid, json);
            }
        }
    }

    /** Every order the terminal has any state of, hub numbers first. */
    private Set<String> knownOrders() {
        Set<String> all = new LinkedHashSet<>();
        confirmed.values().stream()
                .sorted((a, b) -> Long.compare(a.number(), b.number()))
                .forEach(o -> all.add(o.order()));
        all.addAll(models.keySet());
        for (Pending pending : outbox.values()) {
            all.add(pending.order());
        }
        return all;
    }

    /** The hub's state of the order with this terminal's pending changes of the current run on top; null if gone. */
    private ObjectNode computeVisible(String uid) {
        HubMessage.OrderState state = confirmed.get(uid);
        ObjectNode json;
        if (state != null) {
            json = state.data().deepCopy();
        } else {
            if (removedOrders.contains(uid) || !createdHere(uid)) {
                return null;
            }
            json = JSON.objectNode();
        }
        for (Pending pending : outbox.values()) {
            if (!pending.order().equals(uid) || pending.runId() != runId) {
                continue;
            }
            if (pending.message instanceof ClientMessage.Remove) {
                return null;
            }
            MergeEngine.instance().applyAll(json, ((ClientMessage.Mutate) pending.message).ops());
        }
        return json;
    }

    private boolean createdHere(String uid) {
        for (Pending pending : outbox.values()) {
            if (pending.order().equals(uid) && pending.runId() == runId
                    && pending.message instanceof ClientMessage.Mutate mutate && mutate.baseRevision() == 0) {
                return true;
            }
        }
        return false;
    }

    /** Brings the model objects of these orders to their visible state and tells listeners. */
    private void refresh(Set<String> orders, Map<String, Boolean> finalized) {
        for (String uid : orders) {
            ObjectNode next = computeVisible(uid);
            O model = models.get(uid);
            if (next == null) {
                visible.remove(uid);
                if (model != null) {
                    models.remove(uid);
                    uids.remove(model);
                    boolean paid = finalized.getOrDefault(uid, false);
                    for (TerminalListener<O> listener : listeners) {
                        listener.orderRemoved(model, paid);
                    }
                }
                continue;
            }
            ObjectNode previous = visible.put(uid, next);
            if (model == null) {
                O created = codec.newInstance();
                codec.initFromJson(created, next);
                models.put(uid, created);
                uids.put(created, uid);
                for (TerminalListener<O> listener : listeners) {
                    listener.orderAdded(created);
                }
            } else if (previous == null || !JsonValues.same(previous, next)) {
                Set<String> changed = codec.applyMsData(model, next);
                if (!changed.isEmpty()) {
                    for (TerminalListener<O> listener : listeners) {
                        listener.orderUpdated(model, changed);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- hub messages

    private void onConnected() {
        connected = true;
        welcomed = false;
        paused = false;
        refusalReported = false;
        connection++;
        transport.send(new ClientMessage.Hello(session, terminalId, user, runId, lastSeq, PROTOCOL));
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
            for (TerminalListener<O> listener : listeners) {
                listener.connectionChanged(false);
            }
        }
    }

    private void onUnauthorized(String reason) {
        onDisconnected(reason);
        if (!refusalReported) {
            refusalReported = true;
            LOG.warn("terminal {}: the hub refused its credentials: {}", terminalId, reason);
            for (TerminalListener<O> listener : listeners) {
                listener.unauthorized(reason);
            }
        }
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
        pauseMillis = Math.min(MAX_RATE_LIMIT_PAUSE_MILLIS, pauseMillis * 2);
        long pausedConnection = connection;
        LOG.debug("terminal {}: rate limited by the hub; pausing {} ms", terminalId, delay);
        RetryTimer.schedule(delay, () -> executor.execute(() -> {
            synchronized (lock) {
                if (!closed && connection == pausedConnection && paused) {
                    resumeAfterRateLimit();
                }
            }
        }));
    }

    private void resumeAfterRateLimit() {
        paused = false;
        if (!welcomed) {
            transport.send(new ClientMessage.Hello(session, terminalId, user, runId, lastSeq, PROTOCOL));
            return;
        }
        if (!early.isEmpty()) {
            syncRequestedAfter = lastSeq;
            transport.send(new ClientMessage.Sync(lastSeq));
        }
        rewoundTo = -1;
        staleResends = 0;
        sentUpTo = ackedUpTo;
        pump();
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
            onResend(resend.expectedMutationId());
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
        List<ClientMessage> rewritten = new ArrayList<>();
        List<Long> replaced = new ArrayList<>();
        if (runId == 0) {
            // Changes made before this terminal ever reached the hub belong to the hub's current
            // run, and so does every change made from now on: the terminal takes the run right
            // here, not when the snapshot that follows arrives, so no edit is made for run 0 while
            // it is already sending.
            runId = welcome.runId();
            for (Pending pending : outbox.values()) {
                if (pending.runId() == 0) {
                    pending.message = withRun(pending.message, welcome.runId());
                    rewritten.add(pending.message);
                    replaced.add(pending.mutationId());
                }
            }
        }
        if (welcome.lastMutationId() > lastMutationId) {
            lastMutationId = welcome.lastMutationId(); // local state was lost: continue after the hub's count
        }
        for (Pending pending : outbox.values()) {
            if (pending.mutationId() <= welcome.lastMutationId() && pending.ackSeq < 0) {
                pending.ackSeq = welcome.seq(); // handled before we reconnected; reflected by welcome.seq
            }
        }
        store.write(new TerminalWrite(runId, lastSeq, lastMutationId, false, List.of(), List.of(), rewritten,
                replaced));
        acknowledgedUpTo(welcome.lastMutationId());
        sentUpTo = ackedUpTo;
        rewoundTo = -1;
        staleResends = 0;
        pump();
        settle(new LinkedHashSet<>(), Map.of(), false, List.of(), List.of());
        for (TerminalListener<O> listener : listeners) {
            listener.connectionChanged(true);
        }
    }

    /**
     * The hub missed mutation {@code expected} and asks for everything from it on. Each message
     * sent after it on this connection draws the same request, so after rewinding once the
     * requests already on their way are ignored instead of re-sending the window again each time.
     */
    private void onResend(long expected) {
        if (!welcomed || paused || expected <= ackedUpTo) {
            return; // stale: sent before a later acknowledgement, or sending resumes after the pause anyway
        }
        if (expected == rewoundTo && staleResends > 0) {
            staleResends--;
            return;
        }
        rewoundTo = expected;
        staleResends = Math.max(0, sentUpTo - expected - 1);
        sentUpTo = Math.min(sentUpTo, expected - 1);
        pump();
    }

    private void onEvent(HubMessage.Event event) {
        if (event.runId() != runId || event.seq() <= lastSeq) {
            return; // another run (a snapshot follows) or already applied
        }
        if (event.seq() > lastSeq + 1) {
            early.put(event.seq(), event);
            if (syncRequestedAfter != lastSeq && welcomed) {
                syncRequestedAfter = lastSeq;
                transport.send(new ClientMessage.Sync(lastSeq));
            }
            return;
        }
        Set<String> touched = new LinkedHashSet<>();
        Map<String, Boolean> finalized = new HashMap<>();
        List<HubMessage.OrderState> put = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        HubMessage.Event next = event;
        while (next != null) {
            apply(next, touched, finalized, put, deleted);
            early.headMap(lastSeq, true).clear();
            next = early.remove(lastSeq + 1);
        }
        settle(touched, finalized, false, put, deleted);
        pump();
    }

    private void apply(HubMessage.Event event, Set<String> touched, Map<String, Boolean> finalized,
            List<HubMessage.OrderState> put, List<String> deleted) {
        lastSeq = event.seq();
        touched.add(event.order());
        if (event instanceof HubMessage.Change change) {
            HubMessage.OrderState old = confirmed.get(change.order());
            ObjectNode data = old == null ? JSON.objectNode() : old.data();
            ObjectNode info = old == null ? OrderInfo.empty() : old.info();
            MergeEngine.instance().applyAll(data, change.ops());
            OrderInfo.record(info, change.ops(), change.author());
            HubMessage.OrderState state = new HubMessage.OrderState(change.order(), change.revision(),
                    change.number(), data, info);
            confirmed.put(change.order(), state);
            put.removeIf(o -> o.order().equals(change.order()));
            put.add(state);
            deleted.remove(change.order());
            ackOwn(change.author(), change.mutationId(), change.seq());
        } else {
            HubMessage.Removed removed = (HubMessage.Removed) event;
            confirmed.remove(removed.order());
            removedOrders.add(removed.order());
            finalized.put(removed.order(), removed.finalized());
            put.removeIf(o -> o.order().equals(removed.order()));
            deleted.add(removed.order());
            ackOwn(removed.author(), removed.mutationId(), removed.seq());
        }
    }

    /** Our own change coming back acknowledges it, even when its Ack is late. */
    private void ackOwn(Author author, long mutationId, long seq) {
        if (!author.terminal().equals(terminalId)) {
            return;
        }
        for (Pending pending : outbox.headMap(mutationId, true).values()) {
            if (pending.ackSeq < 0) {
                pending.ackSeq = seq;
            }
        }
        acknowledgedUpTo(mutationId);
    }

    private void onSnapshot(HubMessage.Snapshot snapshot) {
        Set<String> touched = new LinkedHashSet<>(knownOrders());
        if (snapshot.runId() != runId) {
            removedOrders.clear();
            runId = snapshot.runId();
        }
        confirmed.clear();
        for (HubMessage.OrderState order : snapshot.orders()) {
            confirmed.put(order.order(), copy(order));
            touched.add(order.order());
        }
        lastSeq = snapshot.seq();
        // the snapshot already holds this terminal's mutations up to its lastMutationId, even
        // those whose acks were lost: applying them again on top would count their deltas twice
        for (Pending pending : outbox.headMap(snapshot.lastMutationId(), true).values()) {
            if (pending.ackSeq < 0 || pending.ackSeq > snapshot.seq()) {
                pending.ackSeq = snapshot.seq();
            }
        }
        if (snapshot.lastMutationId() > lastMutationId) {
            lastMutationId = snapshot.lastMutationId();
        }
        acknowledgedUpTo(snapshot.lastMutationId());
        early.headMap(lastSeq, true).clear();
        syncRequestedAfter = -1;
        settle(touched, Map.of(), true, new ArrayList<>(confirmed.values()), List.of());
        HubMessage.Event next = early.remove(lastSeq + 1);
        if (next != null) {
            onEvent(next);
        }
        pump();
    }

    private void onAck(HubMessage.Ack ack) {
        acknowledgedUpTo(ack.mutationId());
        Set<String> touched = new LinkedHashSet<>();
        for (Pending pending : outbox.headMap(ack.mutationId(), true).values()) {
            if (pending.ackSeq < 0) {
                pending.ackSeq = ack.seq();
            }
        }
        Pending acked = outbox.get(ack.mutationId());
        String order = acked != null ? acked.order() : null;
        for (HubMessage.DroppedOp dropped : ack.dropped()) {
            if (order != null) {
                touched.add(order);
            }
            conflict(new Conflict(order, ack.mutationId(), dropped.op(), dropped.reason(), dropped.message()));
        }
        settle(touched, Map.of(), false, List.of(), List.of());
        pump();
    }

    private void onRejected(HubMessage.Rejected rejected) {
        acknowledgedUpTo(rejected.mutationId());
        Pending pending = outbox.get(rejected.mutationId());
        if (pending == null) {
            return; // already settled (for example a rejection of an old run's change we dropped)
        }
        outbox.remove(rejected.mutationId());
        store.write(new TerminalWrite(runId, lastSeq, lastMutationId, false, List.of(), List.of(), List.of(),
                List.of(rejected.mutationId())));
        conflict(new Conflict(rejected.order(), rejected.mutationId(), null, rejected.reason(), rejected.message()));
        settle(new LinkedHashSet<>(List.of(pending.order())), Map.of(), false, List.of(), List.of());
        pump();
    }

    /** Drops pending changes the confirmed state now holds, persists, and refreshes the touched orders. */
    private void settle(Set<String> touched, Map<String, Boolean> finalized, boolean clearOrders,
            List<HubMessage.OrderState> put, List<String> deleted) {
        List<Long> dequeued = new ArrayList<>();
        for (Pending pending : new ArrayList<>(outbox.values())) {
            boolean reflected = pending.ackSeq >= 0 && pending.ackSeq <= lastSeq;
            if (reflected) {
                outbox.remove(pending.mutationId());
                dequeued.add(pending.mutationId());
                touched.add(pending.order());
            }
        }
        List<HubMessage.OrderState> copies = new ArrayList<>(put.size());
        for (HubMessage.OrderState order : put) {
            copies.add(copy(order));
        }
        store.write(new TerminalWrite(runId, lastSeq, lastMutationId, clearOrders, copies, deleted, List.of(),
                dequeued));
        refresh(touched, finalized);
    }

    private void conflict(Conflict conflict) {
        LOG.debug("terminal {}: conflict {}", terminalId, conflict);
        for (TerminalListener<O> listener : listeners) {
            listener.conflict(conflict);
        }
    }

    private static ClientMessage withRun(ClientMessage message, long runId) {
        if (message instanceof ClientMessage.Mutate m) {
            return new ClientMessage.Mutate(m.mutationId(), runId, m.order(), m.baseRevision(), m.user(), m.ops());
        }
        ClientMessage.Remove r = (ClientMessage.Remove) message;
        return new ClientMessage.Remove(r.mutationId(), runId, r.order(), r.baseRevision(), r.user(), r.finalized());
    }

    private static HubMessage.OrderState copy(HubMessage.OrderState order) {
        return new HubMessage.OrderState(order.order(), order.revision(), order.number(), order.data().deepCopy(),
                order.info().deepCopy());
    }

    /** An outbox entry and, once the hub acknowledged it, the sequence number that reflects it. */
    private static final class Pending {
        ClientMessage message;
        long ackSeq = -1;

        Pending(ClientMessage message) {
            this.message = message;
        }

        long mutationId() {
            return TerminalWrite.mutationId(message);
        }

        String order() {
            return message instanceof ClientMessage.Mutate m ? m.order() : ((ClientMessage.Remove) message).order();
        }

        long runId() {
            return message instanceof ClientMessage.Mutate m ? m.runId() : ((ClientMessage.Remove) message).runId();
        }
    }

    /** Hops every transport event onto the app's executor. */
    private final class TransportEvents implements TerminalTransport.Listener {
        @Override
        public void connected() {
            executor.execute(() -> {
                synchronized (lock) {
                    if (!closed) {
                        onConnected();
                    }
                }
            });
        }

        @Override
        public void received(HubMessage message) {
            executor.execute(() -> {
                synchronized (lock) {
                    if (!closed) {
                        onMessage(message);
                    }
                }
            });
        }

        @Override
        public void disconnected(String reason) {
            executor.execute(() -> {
                synchronized (lock) {
                    if (!closed) {
                        onDisconnected(reason);
                    }
                }
            });
        }

        @Override
        public void unauthorized(String reason) {
            executor.execute(() -> {
                synchronized (lock) {
                    if (!closed) {
                        onUnauthorized(reason);
                    }
                }
            });
        }
    }

    /** Settings of a {@link Terminal}. */
    public static final class Builder<O> {
        private final MultiSessionCodec<O> codec;
        private String session;
        private String terminalId;
        private String user;
        private TerminalTransport transport;
        private TerminalStore store;
        private Executor executor;
        private Supplier<String> ids;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

        private Builder(MultiSessionCodec<O> codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
        }

        /** The multi-session to join (required). */
        public Builder<O> session(String session) {
            this.session = session;
            return this;
        }

        /** This device's id, unique in the session and stable across restarts (required). */
        public Builder<O> terminalId(String terminalId) {
            this.terminalId = terminalId;
            return this;
        }

        /** Who works on this terminal, recorded as the author of its changes (optional). */
        public Builder<O> user(String user) {
            this.user = user;
            return this;
        }

        /** How to reach the hub (required). */
        public Builder<O> transport(TerminalTransport transport) {
            this.transport = transport;
            return this;
        }

        /** Where the confirmed state and the outbox survive a crash (default: in memory). */
        public Builder<O> store(TerminalStore store) {
            this.store = store;
            return this;
        }

        /** Where remote changes are applied and listeners called, one task at a time, in order (required). */
        public Builder<O> executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Makes ids for new orders whose constructor gives none (default: terminal id and a random UUID). */
        public Builder<O> orderIds(Supplier<String> ids) {
            this.ids = ids;
            return this;
        }

        /**
         * How many mutations may be sent and not yet acknowledged at once (default
         * {@value Terminal#DEFAULT_MAX_IN_FLIGHT}); more are sent as acknowledgements arrive, so
         * a terminal that comes back with a long outbox does not flood the hub.
         */
        public Builder<O> maxInFlight(int maxInFlight) {
            if (maxInFlight < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
            }
            this.maxInFlight = maxInFlight;
            return this;
        }

        /** Builds the terminal from its store; {@link Terminal#start()} connects it. */
        public Terminal<O> build() {
            return new Terminal<>(this);
        }
    }
}
