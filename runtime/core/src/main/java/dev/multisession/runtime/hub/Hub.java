package dev.multisession.runtime.hub;

import dev.multisession.runtime.flow.DaemonThreads;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.schema.OpChecks;
import dev.multisession.runtime.schema.SessionSchema;
import dev.multisession.runtime.schema.UnknownKeys;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of every multi-session: applies terminals' mutations to the orders in its
 * {@link HubStore}, assigns shared order numbers and sequence numbers, and broadcasts each
 * accepted change to every terminal of the session. It works on JSON and operations only and
 * needs no model classes: it is bound to the sessions' model through its schema
 * ({@link Builder#model}, {@link Builder#schema}), against which every operation is checked
 * before anything is applied or stored; an operation that does not fit is dropped as
 * {@code invalid}. A hub bound to no model checks only the protocol's limits, and says so in
 * its log when it is built.
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
 * parallel. A batch waiting for its commit ({@link HubStore#inSessionAsync}) holds no thread:
 * the session's next batch waits for it, other sessions' batches go on, and a store with one
 * writer (SQLite) commits the batches of every session waiting at once.
 *
 * <p><b>Backpressure.</b> A session holds at most {@link Builder#queueLimits} mutations waiting,
 * in total and per connection; a mutation over either bound is answered {@code rate_limited}
 * and dropped, and the terminal re-sends it after a pause.
 *
 * <p>Broadcasts leave in sequence order: after each local commit the hub sends the events it
 * has just written; after a commit on another node (as told by {@link HubStore#onRemoteCommit})
 * it reads the log after the last event it broadcast. A hub built on a store another hub used
 * continues exactly where that one stopped. Thread-safe. See docs/PROTOCOL.md for the rules.
 *
 * <p><b>Parts.</b> The hub itself only opens connections, closes days and holds its
 * {@link HubConfig}. A message goes through {@link MessageChecks} (stateless checks), a
 * session's {@code SessionMailbox} (queue, bounds, batches), its {@code SessionChannel} (one
 * store transaction per run of mutations), {@code MutationRules} (the pure decision for each
 * mutation) and its {@code Broadcaster} (replies, broadcast, replay and snapshots).
 */
public final class Hub implements HubEndpoint, AutoCloseable {

    /** The protocol version this hub speaks. */
    public static final int PROTOCOL = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final HubConfig config;
    /** Where sessions' queues are handled. */
    private final Executor executor;
    /** The pool the hub owns, shut down on close; null when the executor is the caller's. */
    private final ExecutorService ownedExecutor;
    private final ConcurrentHashMap<String, SessionChannel> channels = new ConcurrentHashMap<>();
    /** One warning per database outage and one line when it ends, whichever sessions draw the failures. */
    private final StoreOutage outage = new StoreOutage();
    /** Batches waiting for their commit, which hold no worker: closing waits for them too. */
    private final CommitsUnderWay underWay = new CommitsUnderWay();
    private final HubObserver observer;
    private volatile boolean closed;

    /** A hub with these settings; {@link #builder()} is the usual way to make them. */
    public Hub(HubConfig config) {
        this(config, HubObserver.NONE);
    }

    /** A hub with these settings that tells {@code observer} what it does (metrics, operators' views). */
    public Hub(HubConfig config, HubObserver observer) {
        this.config = Objects.requireNonNull(config, "config");
        this.observer = new ObserverGuard(Objects.requireNonNull(observer, "observer"));
        if (config.threading() instanceof HubConfig.Threading.OwnPool pool) {
            this.ownedExecutor = workers(pool.workers());
            this.executor = ownedExecutor;
        } else if (config.threading() instanceof HubConfig.Threading.Given given) {
            this.ownedExecutor = null;
            this.executor = given.executor();
        } else {
            this.ownedExecutor = null;
            this.executor = Runnable::run;
        }
        config.store().onRemoteCommit(session -> {
            SessionChannel channel = channels.get(session);
            if (channel != null) {
                channel.remoteCommit();
            }
        });
    }

    private static ExecutorService workers(int count) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(count, count, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("multisession-hub"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A builder; {@link Builder#store} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings this hub runs with. */
    public HubConfig config() {
        return config;
    }

    @Override
    public boolean ready() {
        return !closed && config.store().reachable();
    }

    @Override
    public HubConnection connect(TerminalIdentity identity, MessageSink sink) {
        if (closed) {
            throw new IllegalStateException("hub is closed");
        }
        TerminalConnection connection = new TerminalConnection(identity, sink, channel(identity.session()), observer);
        observer.connected(identity);
        return connection;
    }

    /** The sessions this node has served since it started. */
    public List<String> sessions() {
        return new ArrayList<>(channels.keySet());
    }

    /** Every open, greeted connection on this node, for operators (a moment's picture). */
    public List<ConnectionStatus> connections() {
        List<ConnectionStatus> all = new ArrayList<>();
        for (SessionChannel channel : channels.values()) {
            all.addAll(channel.status());
        }
        return all;
    }

    /** Mutations waiting in the queues of every session on this node. */
    public int queuedMutations() {
        int queued = 0;
        for (SessionChannel channel : channels.values()) {
            queued += channel.queuedMutations();
        }
        return queued;
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

    /**
     * Stops accepting connections and closes the open ones; work already taken up is finished
     * (for at most 5 seconds in all): batches waiting for their commit are answered, and the
     * hub's own executor, when it has one, ends its tasks. The store is the caller's to close,
     * after this.
     */
    @Override
    public void close() {
        closed = true;
        for (SessionChannel channel : channels.values()) {
            channel.closeConnections();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            // first the commits under way, whose answers still need the executor
            if (!underWay.awaitNone(Duration.ofNanos(deadline - System.nanoTime()))) {
                LOG.warn("{} batch(es) still waiting for the store 5 s after close; leaving them", underWay.count());
            }
            if (ownedExecutor != null) {
                ownedExecutor.shutdown();
                if (!ownedExecutor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    LOG.warn("hub workers still busy 5 s after close; leaving them");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SessionChannel channel(String session) {
        return channels.computeIfAbsent(session, id -> new SessionChannel(id, config, executor, outage, observer, underWay));
    }

    /** Settings of a {@link Hub}. */
    public static final class Builder {
        private HubStore store;
        private Clock clock = Clock.systemUTC();
        private int logSize = 10_000;
        private Executor executor;
        private boolean sameThread;
        /** {@link #executor} was called, perhaps with null. */
        private boolean executorSet;
        private int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private int maxBatch = 256;
        private int sessionQueueLimit = 4096;
        private int connectionQueueLimit = 256;
        private HubObserver observer = HubObserver.NONE;

        private SessionSchema schema;
        private UnknownKeys unknownKeys = UnknownKeys.REFUSE;

        private Builder() {}

        /** Tells {@code observer} what the hub does (default: nobody); see {@link HubObserver}. */
        public Builder observer(HubObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Binds every session to {@code rootModel}: operations are checked against the JSON
         * Schema resource the processor wrote for it ({@link SessionSchema#forModel}).
         *
         * @throws IllegalArgumentException if the class has no schema resource
         */
        public Builder model(Class<?> rootModel) {
            this.schema = SessionSchema.forModel(rootModel);
            return this;
        }

        /**
         * Binds every session to {@code schema}, for example read from the processor's JSON
         * Schema file with {@link SessionSchema#fromFile} by a hub without the model classes;
         * null unbinds (only the protocol's limits are checked).
         */
        public Builder schema(SessionSchema schema) {
            this.schema = schema;
            return this;
        }

        /**
         * What to do with a key the model does not declare, such as a field a newer terminal
         * syncs (default {@link UnknownKeys#REFUSE}: the operation is dropped as {@code invalid}).
         */
        public Builder unknownKeys(UnknownKeys unknownKeys) {
            this.unknownKeys = Objects.requireNonNull(unknownKeys, "unknownKeys");
            return this;
        }

        /** Where sessions are kept (required). */
        public Builder store(HubStore store) {
            this.store = store;
            return this;
        }

        /** The clock for authors' times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
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
            this.executor = executor;
            this.sameThread = false;
            this.executorSet = true;
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
            this.executorSet = false;
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

        /**
         * The hub.
         *
         * @throws IllegalStateException naming every setting that is missing or unusable and how
         *     to set it: no {@link #store}, a null {@link #clock}, a null {@link #executor}
         */
        public Hub build() {
            List<String> problems = new ArrayList<>();
            if (store == null) {
                problems.add("store is not set: call .store(new InMemoryHubStore()) for tests, or a"
                        + " SqliteHubStore/PostgresHubStore from multisession-jdbc");
            }
            if (clock == null) {
                problems.add("clock is null: leave .clock(...) out for the system clock, or give a Clock");
            }
            if (executorSet && executor == null) {
                problems.add("executor is null: leave .executor(...) out for a pool the hub owns (see .workers(n)),"
                        + " or give an Executor");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot build the hub: " + String.join("; ", problems));
            }
            HubConfig.Threading threading = sameThread ? new HubConfig.Threading.SameThread()
                    : executor != null ? new HubConfig.Threading.Given(executor)
                    : new HubConfig.Threading.OwnPool(workers);
            OpChecks checks;
            if (schema == null) {
                LOG.warn("hub bound to no model: operations are checked against the protocol's limits only;"
                        + " bind one with Hub.builder().model(RootModel.class)");
                checks = OpChecks.none();
            } else {
                checks = OpChecks.against(schema, unknownKeys);
            }
            return new Hub(new HubConfig(store, clock, logSize, maxBatch, sessionQueueLimit, connectionQueueLimit,
                    threading, checks), observer);
        }
    }

}
