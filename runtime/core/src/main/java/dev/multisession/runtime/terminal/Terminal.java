package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.OrderLimits;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final MultiSessionCodec<O> codec;
    private final String idKey;
    private final String terminalId;
    private final TerminalTransport transport;
    private final OrderIds ids;
    private final Object lock = new Object();
    private final Listeners<O> listeners;
    // guarded by lock
    private final SyncProtocol protocol;
    private final Replica replica;
    private final OrderModels<O> models;
    private final SyncDriver<O> driver;

    private Terminal(Builder<O> builder) {
        this.codec = builder.codec;
        this.idKey = codec.idKey().orElseThrow();
        String session = builder.session;
        this.terminalId = builder.terminalId;
        this.transport = builder.transport;
        TerminalStore store = builder.store != null ? builder.store : memoryStore(terminalId);
        Executor executor = builder.executor;
        this.ids = builder.orderIds;
        this.listeners = new Listeners<>(terminalId);
        this.protocol = new SyncProtocol(new Identity(session, terminalId, builder.user), builder.maxInFlight);
        this.replica = protocol.replica();
        this.models = new OrderModels<>(codec, replica, listeners);
        this.driver = new SyncDriver<>(terminalId, protocol, transport, store, models, listeners, executor, lock);
        models.restore(protocol.restore(store.load()));
        for (O order : models.all()) {
            ids.used(codec.exportId(order));
        }
    }

    /**
     * A builder for terminals syncing orders of {@code modelType} (through its generated codec).
     *
     * @throws NullPointerException if {@code modelType} is null
     * @throws IllegalArgumentException if {@code modelType} has no generated codec (it is not
     *     annotated, or the annotation processor did not run)
     * @throws IllegalStateException if its generated codec cannot be loaded (built for another
     *     runtime version, or damaged)
     */
    public static <O> Builder<O> builder(Class<O> modelType) {
        Objects.requireNonNull(modelType, "modelType: give the order model class, e.g. Terminal.builder(Order.class)");
        return new Builder<>(MultiSessionCodecs.forClass(modelType));
    }

    /**
     * A builder for terminals syncing orders through {@code codec}.
     *
     * @throws NullPointerException if {@code codec} is null
     */
    public static <O> Builder<O> builder(MultiSessionCodec<O> codec) {
        Objects.requireNonNull(codec, "codec: give the order model's codec, e.g. MultiSessionCodecs.forClass(Order.class)");
        return new Builder<>(codec);
    }

    /**
     * Starts talking to the hub; until then (and whenever offline) changes wait in the outbox.
     *
     * @throws IllegalStateException if the terminal was started already (the transport refuses
     *     a second listener)
     */
    public Terminal<O> start() {
        driver.start();
        return this;
    }

    /**
     * Adds a listener; call before {@link #start()} to hear about every change.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public void addListener(TerminalListener<O> listener) {
        listeners.add(listener);
    }

    public void removeListener(TerminalListener<O> listener) {
        listeners.remove(listener);
    }

    /**
     * Creates a new order, gives it an id if its constructor did not, and syncs it; the same as
     * {@code create(order -> {}).order()}.
     *
     * @throws TerminalClosedException if the terminal is closed
     * @throws IllegalStateException if an order with the id the constructor gave already exists, or
     *     the terminal cannot make an id of the id field's type (see {@link Builder#orderIds})
     * @throws IllegalArgumentException if an element of a synced collection has a null id, or two
     *     share one, or a value breaks the protocol's limits (docs/PROTOCOL.md, "Limits": a string
     *     longer than 10,000 characters, an order id longer than 500, ...); nothing is created or sent
     */
    public O newOrder() {
        return create(order -> {}).order();
    }

    /**
     * Creates a new order, lets {@code init} fill it, and syncs it as one mutation; the same as
     * {@code create(init).order()}, for code that does not wait for the hub.
     *
     * @throws TerminalClosedException if the terminal is closed
     * @throws IllegalStateException if an order with the id the constructor gave already exists, or
     *     the terminal cannot make an id of the id field's type (see {@link Builder#orderIds})
     * @throws IllegalArgumentException if an element of a synced collection has a null id, or two
     *     share one, or a value breaks the protocol's limits (docs/PROTOCOL.md, "Limits": a string
     *     longer than 10,000 characters, an order id longer than 500, ...); nothing is created or sent
     */
    public O newOrder(Consumer<? super O> init) {
        return create(init).order();
    }

    /**
     * Creates a new order, lets {@code init} fill it, and syncs it as one mutation; the returned
     * {@link Edit} holds the order and completes when the hub confirmed it (with the order's
     * shared number).
     *
     * @throws TerminalClosedException if the terminal is closed
     * @throws IllegalStateException if an order with the id the constructor gave already exists, or
     *     the terminal cannot make an id of the id field's type (see {@link Builder#orderIds})
     * @throws IllegalArgumentException if an element of a synced collection has a null id, or two
     *     share one, or a value breaks the protocol's limits (docs/PROTOCOL.md, "Limits": a string
     *     longer than 10,000 characters, an order id longer than 500, ...); nothing is created or sent
     */
    public Edit<O> create(Consumer<? super O> init) {
        Objects.requireNonNull(init, "init");
        synchronized (lock) {
            checkOpen();
            O order = codec.newInstance();
            JsonNode id = codec.exportId(order);
            if (unassigned(id)) {
                id = ids.next(codec.modelType().getName());
                order = codec.newInstance();
                codec.initFromJson(order, JSON.objectNode().set(idKey, id));
            }
            String uid = id.asText();
            if (models.contains(uid) || replica.confirmed(uid) != null) {
                throw new IllegalStateException("an order with id " + uid + " already exists");
            }
            if (uid.length() > OrderLimits.MAX_UID_CHARS) {
                // the hub would refuse every change of it as malformed, holding back the outbox
                throw refused(uid, "its id has " + uid.length() + " characters; an order's id has at most "
                        + OrderLimits.MAX_UID_CHARS, null);
            }
            init.accept(order);
            List<Op> ops = opsToSend(uid, JSON.objectNode(), exportChecked(uid, order));
            models.put(uid, order, JSON.objectNode());
            return new Edit<>(order, uid, submit(uid, ops));
        }
    }

    /**
     * Runs {@code change} on {@code order}, then sends what it changed as one mutation. The
     * returned {@link Edit} completes when the hub confirmed the change; an edit that changed
     * nothing completes with the order's last pending change, or at once when none is pending.
     *
     * @throws TerminalClosedException if the terminal is closed
     * @throws IllegalArgumentException if {@code order} is not an open order of this terminal
     *     (removed, or made by another terminal object), or the change cleared or changed the
     *     order's id, left an element of a synced collection without an id or gave two elements
     *     one id, or made operations that break the protocol's limits (docs/PROTOCOL.md, "Limits":
     *     a string longer than 10,000 characters, more than 1,000 operations, ...), which the hub
     *     would refuse; nothing is sent (the model keeps the change, and the next edit that
     *     repairs it sends it all) and a warning is logged
     */
    public Edit<O> edit(O order, Consumer<? super O> change) {
        Objects.requireNonNull(change, "change");
        synchronized (lock) {
            checkOpen();
            String uid = uidOf(order);
            change.accept(order);
            ObjectNode base = models.shown(uid);
            return new Edit<>(order, uid, submit(uid, opsToSend(uid, base == null ? JSON.objectNode() : base,
                    exportChecked(uid, order))));
        }
    }

    /**
     * Removes an order everywhere: paid ({@code finalized}) or abandoned. The returned
     * {@link Edit} completes when the hub confirmed the removal: for a payment, the moment the
     * receipt may be printed (see docs/CONFIRMATIONS.md).
     *
     * @throws TerminalClosedException if the terminal is closed
     * @throws IllegalArgumentException if {@code order} is not an open order of this terminal
     */
    public Edit<O> remove(O order, boolean finalized) {
        synchronized (lock) {
            checkOpen();
            String uid = uidOf(order);
            CompletableFuture<Confirmation> confirmation = driver.submit(new SyncEvent.LocalRemove(uid, finalized));
            models.forget(uid, order);
            return new Edit<>(order, uid, confirmation);
        }
    }

    /**
     * Completes, on the terminal's executor, the next time everything this terminal did is at
     * the hub and it has seen everything the hub told it of: online, no pending change, no event
     * missing. Completes at once if that is so now; exceptionally with a
     * {@link TerminalClosedException} if the terminal closes first. Offline it waits for the
     * connection to come back.
     */
    public CompletionStage<Void> whenSynced() {
        synchronized (lock) {
            return driver.whenSynced().minimalCompletionStage();
        }
    }

    /**
     * Waits up to {@code timeout} for {@link #whenSynced()}; true if in sync, false if the time
     * ran out. Never call it on the terminal's executor: syncing happens there.
     *
     * @throws TerminalClosedException if the terminal is or becomes closed
     * @throws InterruptedException if the thread was interrupted while waiting
     */
    public boolean awaitSynced(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> synced;
        synchronized (lock) {
            synced = driver.whenSynced();
        }
        try {
            synced.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw (TerminalClosedException) e.getCause();
        }
    }

    /** The open orders this terminal shows, oldest first. */
    public List<O> orders() {
        synchronized (lock) {
            return models.all();
        }
    }

    /** The open order with this uid, or null. */
    public O order(String uid) {
        synchronized (lock) {
            return models.model(uid);
        }
    }

    /**
     * The shared order number the hub gave the order; 0 until the hub has accepted it.
     *
     * @throws IllegalArgumentException if {@code order} is not an open order of this terminal
     */
    public long number(O order) {
        synchronized (lock) {
            HubMessage.OrderState state = replica.confirmed(uidOf(order));
            return state == null ? 0 : state.number();
        }
    }

    /**
     * Who created and last changed the order and each of its collection elements, as the hub
     * recorded it (see {@link OrderInfo}); empty until the hub has accepted the order.
     *
     * @throws IllegalArgumentException if {@code order} is not an open order of this terminal
     */
    public ObjectNode info(O order) {
        synchronized (lock) {
            HubMessage.OrderState state = replica.confirmed(uidOf(order));
            return state == null ? JSON.objectNode() : state.info().deepCopy();
        }
    }

    /** The order's JSON as this terminal shows it: the hub's state plus changes not yet confirmed. */
    public ObjectNode visibleState(String uid) {
        synchronized (lock) {
            ObjectNode state = models.shown(uid);
            return state == null ? null : state.deepCopy();
        }
    }

    /**
     * Where the terminal stands with the hub, all read at one moment: online, in sync, how many
     * changes wait for the hub, the last seq applied, the last connection error.
     */
    public SyncStatus status() {
        synchronized (lock) {
            String error = driver.lastError() != null ? driver.lastError() : protocol.unreadable();
            return new SyncStatus(protocol.isOnline(), !driver.isClosed() && protocol.isSynced(),
                    protocol.pendingMutations(), replica.cursor().lastSeq(), error);
        }
    }

    /** How many of this terminal's mutations the hub has not reflected yet. */
    public int pendingMutations() {
        synchronized (lock) {
            return protocol.pendingMutations();
        }
    }

    /** Whether the hub has welcomed this terminal on the current connection. */
    public boolean isOnline() {
        synchronized (lock) {
            return protocol.isOnline();
        }
    }

    public String terminalId() {
        return terminalId;
    }

    /** The last session sequence number this terminal applied. */
    public long lastSeq() {
        synchronized (lock) {
            return replica.cursor().lastSeq();
        }
    }

    /** The run (epoch) of the session this terminal is in; 0 before it first reached the hub. */
    public long runId() {
        synchronized (lock) {
            return replica.cursor().runId();
        }
    }

    /** The last mutation id this terminal handed out. */
    public long lastMutationId() {
        synchronized (lock) {
            return replica.cursor().lastMutationId();
        }
    }

    /** Closes the transport; the store stays with the caller. Pending changes stay in the store. */
    @Override
    public void close() {
        synchronized (lock) {
            driver.close();
        }
        transport.close();
    }

    /**
     * The operations that make {@code base} into {@code exported}, once they are known to keep
     * the protocol's limits; otherwise nothing is sent and the app hears why (as for the id
     * rules, the model keeps the change).
     */
    private List<Op> opsToSend(String uid, ObjectNode base, ObjectNode exported) {
        List<Op> ops = Diff.between(codec, base, exported);
        String problem = SendableOps.problem(ops);
        if (problem != null) {
            throw refused(uid, problem, null);
        }
        return ops;
    }

    /** Sends {@code ops} of order {@code uid}; returns the future of its confirmation. */
    private CompletableFuture<Confirmation> submit(String uid, List<Op> ops) {
        if (ops.isEmpty()) {
            CompletableFuture<Confirmation> pending = driver.pendingOf(uid);
            return pending != null ? pending : CompletableFuture.completedFuture(confirmedNow(uid));
        }
        CompletableFuture<Confirmation> confirmation = driver.submit(new SyncEvent.LocalEdit(uid, ops));
        models.shownNow(uid);
        return confirmation;
    }

    /**
     * The order's export, once it is known to be sendable: its id is still {@code uid} and every
     * element of its collections has an id of its own. Otherwise nothing is sent and the app
     * hears why; the model keeps the change, and the next edit that fixes it sends it all.
     */
    private ObjectNode exportChecked(String uid, O order) {
        ObjectNode exported;
        String problem;
        try {
            exported = codec.exportAsJson(order);
        } catch (IllegalArgumentException unexportable) {
            throw refused(uid, unexportable.getMessage(), unexportable);
        }
        JsonNode id = exported.get(idKey);
        if (unassigned(id)) {
            problem = "its @MultiSessionId '" + idKey + "' was cleared; an order keeps its id for good";
        } else if (!id.asText().equals(uid)) {
            problem = "its @MultiSessionId '" + idKey + "' changed from " + uid + " to " + id.asText()
                    + "; an order keeps its id for good";
        } else {
            problem = ElementIds.problem(codec, exported);
        }
        if (problem != null) {
            throw refused(uid, problem, null);
        }
        return exported;
    }

    /** Logs that a change of order {@code uid} was not sent, and the exception that tells the app why. */
    private IllegalArgumentException refused(String uid, String problem, Throwable cause) {
        LOG.warn("terminal {} refused a change of order {}: {}; nothing was sent", terminalId, uid, problem);
        return new IllegalArgumentException("cannot sync order " + uid + ": " + problem + "; nothing was sent", cause);
    }

    /** Whether a constructor left the id unset: null, or 0 in a primitive number field. */
    private static boolean unassigned(JsonNode id) {
        return id == null || id.isNull() || id.isNumber() && id.decimalValue().signum() == 0;
    }

    /** What the hub has of an order with nothing pending: the confirmation of an edit that changed nothing. */
    private Confirmation confirmedNow(String uid) {
        HubMessage.OrderState state = replica.confirmed(uid);
        return new Confirmation(uid, 0, state == null ? 0 : state.revision(), state == null ? 0 : state.number(),
                List.of());
    }

    private String uidOf(O order) {
        String uid = models.uidOf(order);
        if (uid == null) {
            throw new IllegalArgumentException("not an open order of this terminal: " + order);
        }
        return uid;
    }

    private void checkOpen() {
        if (driver.isClosed()) {
            throw new TerminalClosedException("terminal " + terminalId + " is closed");
        }
    }

    /** Who this terminal is, as it says in its hello. */
    record Identity(String session, String terminalId, String user) {}

    /** The fallback store; loud, because unsent edits die with the process. */
    private static TerminalStore memoryStore(String terminalId) {
        LOG.warn("terminal {} has no TerminalStore: its state and unsent edits are kept in memory only and are"
                + " lost if the process stops; use SqliteTerminalStore.open(file) from multisession-jdbc", terminalId);
        return new InMemoryTerminalStore();
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
        private int terminalNumber;
        private OrderIds orderIds;
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

        /**
         * Who works on this terminal, recorded as the author of its changes (optional).
         *
         * @throws IllegalArgumentException if it is longer than the hub takes
         *     ({@value Author#MAX_USER_CHARS} characters): the hub would refuse the terminal's hello
         */
        public Builder<O> user(String user) {
            if (user != null && user.length() > Author.MAX_USER_CHARS) {
                throw new IllegalArgumentException("user has at most " + Author.MAX_USER_CHARS + " characters, not "
                        + user.length());
            }
            this.user = user;
            return this;
        }

        /** How to reach the hub (required). */
        public Builder<O> transport(TerminalTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Where the confirmed state and the outbox survive a crash. Deployments give a durable
         * store ({@code SqliteTerminalStore} from {@code multisession-jdbc}); without one the
         * terminal keeps its state in memory, loses unsent edits if the process dies, and logs a
         * warning saying so.
         */
        public Builder<O> store(TerminalStore store) {
            this.store = store;
            return this;
        }

        /** Where remote changes are applied and listeners called, one task at a time, in order (required). */
        public Builder<O> executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Makes ids for new orders whose constructor gives none. By default the terminal makes
         * them itself, of the id field's type: {@code <terminalId>-<random UUID>} for a
         * {@code String}, a random UUID for a {@code UUID}, and for a {@code long}/{@code Long}
         * {@code terminalNumber × 2^43 + n} (see {@link #terminalNumber}); it cannot for an
         * {@code int}/{@code Integer}. For a numeric id the supplier gives decimal digits.
         */
        public Builder<O> orderIds(Supplier<String> ids) {
            this.ids = ids;
            return this;
        }

        /**
         * This terminal's number, from 1 to {@value OrderIds#MAX_TERMINAL_NUMBER}, unique among the
         * terminals of the session and the same after a restart; required when the order model's
         * id is a {@code long}/{@code Long} the terminal makes. New ids are then
         * {@code terminalNumber × 2^43 + n}, where {@code n} rises with the clock's milliseconds
         * and never repeats on this terminal, so ids of two terminals cannot collide and all stay
         * below 2^53 (exact in JavaScript).
         *
         * @throws IllegalArgumentException if {@code number} is out of range
         */
        public Builder<O> terminalNumber(int number) {
            if (number < 1 || number > OrderIds.MAX_TERMINAL_NUMBER) {
                throw new IllegalArgumentException("terminalNumber must be from 1 to " + OrderIds.MAX_TERMINAL_NUMBER
                        + ", not " + number);
            }
            this.terminalNumber = number;
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

        /**
         * Builds the terminal from its store; {@link Terminal#start()} connects it.
         *
         * @throws IllegalStateException naming every setting that is missing or unusable and how
         *     to set it: {@link #session}, {@link #terminalId}, {@link #transport} and
         *     {@link #executor} are required; the model type must be a concrete class with a
         *     {@code @MultiSessionId} field
         * @throws RuntimeException whatever the {@link #store}'s {@code load()} throws (for
         *     example a {@code StoreException} of a damaged SQLite file)
         */
        public Terminal<O> build() {
            List<String> problems = new java.util.ArrayList<>();
            Class<O> type = codec.modelType();
            if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                problems.add("the order model " + type.getName() + " is " + (type.isInterface() ? "an interface" : "abstract")
                        + ": a terminal creates orders of its root model type, so give a concrete class"
                        + " (Terminal.builder(ConcreteOrder.class))");
            }
            if (codec.idKey().isEmpty()) {
                problems.add("the order model " + type.getName() + " has no @MultiSessionId field: add one"
                        + " (e.g. @MultiSessionId String uid;), orders need an id to be synced");
            } else if (problems.isEmpty()) {
                orderIds = OrderIds.of(codec, terminalId, ids, terminalNumber, System::currentTimeMillis);
                String idProblem = unassignedByConstructor() ? orderIds.problem(type.getName()) : null;
                if (idProblem != null) {
                    // a terminal that only shows orders (a kitchen screen) needs no ids; one that
                    // creates orders is refused at newOrder with this same text
                    LOG.warn("terminal {} cannot create orders: {}", terminalId, idProblem);
                }
            }
            if (isBlank(session)) {
                problems.add("session is not set: call .session(\"<multi-session id>\"), the same id on every"
                        + " terminal of the multi-session");
            }
            if (isBlank(terminalId)) {
                problems.add("terminalId is not set: call .terminalId(\"<device id>\"), unique in the session and"
                        + " the same after a restart (for example the device's serial number)");
            }
            if (transport == null) {
                problems.add("transport is not set: call .transport(...) with a WebSocketTerminalTransport"
                        + " (multisession-websocket), or an InMemoryTransport in tests");
            }
            if (executor == null) {
                problems.add("executor is not set: call .executor(...) with the thread listeners and remote"
                        + " changes run on: the UI toolkit's (Platform::runLater, SwingUtilities::invokeLater), or"
                        + " Executors.newSingleThreadExecutor() in a service");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build the terminal: " + String.join("; ", problems));
            }
            return new Terminal<>(this);
        }

        /** Whether a new order's constructor leaves its id to the terminal. */
        private boolean unassignedByConstructor() {
            return unassigned(codec.exportId(codec.newInstance()));
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
