package dev.multisession.runtime.flow;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection up: connect, stay connected, and after a drop or a failed attempt wait a
 * {@link Backoff} delay and connect again, until {@link #close}. What a connection is belongs to
 * the {@link Attempt}; the loop knows only whether the attempt got through, failed, or was
 * refused (bad credentials: worth retrying, but only at {@code refusedDelay}, since a token or a
 * password may be fixed later without a restart).
 *
 * <p>An attempt may report synchronously (open a JDBC connection, then poll it on the loop's
 * executor while {@link Link#active}) or asynchronously (start a WebSocket upgrade and report from
 * its callbacks). Each attempt gets a {@link Link} of its own; only its first end counts, and a
 * link whose attempt is over or whose loop is closed is ignored, so late callbacks of an old
 * connection can never disturb a newer one.
 *
 * <p>The loop owns no thread: attempts run on the executor it is given, delays on its
 * {@link Scheduler}. {@link #close} cancels the pending delay and makes every link inactive, so
 * nothing starts afterwards and a synchronous attempt returns at its next check.
 *
 * <p>An outage is logged in two lines, one when it starts and one when the connection is back;
 * the failed attempts in between are logged at debug level only. Thread-safe.
 */
public final class ReconnectLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectLoop.class);

    /** One try to connect, reported through its link. */
    @FunctionalInterface
    public interface Attempt {
        /**
         * Tries to connect and reports through {@code link}, now or later. An exception counts
         * as {@link Link#failed} with the exception as the reason.
         */
        void run(Link link) throws Exception;
    }

    /** How one attempt reports to the loop. Thread-safe; every method may be called from any thread. */
    public interface Link {
        /**
         * The attempt got through: the backoff starts over. False if the loop no longer wants
         * this connection (it was closed meanwhile); the caller then closes what it opened.
         */
        boolean connected();

        /**
         * The attempt failed or its connection dropped; the next attempt follows after a backoff
         * delay. True only for the call that ended the attempt, so the caller can tell its own
         * listener exactly once; later calls, and calls after {@link #close}, return false.
         */
        boolean failed(String reason);

        /**
         * The peer refused the credentials; the next attempt follows after the refused delay.
         * Returns like {@link #failed}.
         */
        boolean refused(String reason);

        /** Whether the loop still wants this attempt's connection; a polling attempt stops when false. */
        boolean active();
    }

    private enum State { CONNECTING, CONNECTED, ENDED }

    private final String name;
    private final Attempt attempt;
    private final Executor executor;
    private final Scheduler scheduler;
    private final Duration refusedDelay;
    private final LongSupplier nanoTime;
    // guarded by this
    private final Backoff backoff;
    private boolean started;
    private boolean closed;
    private Try current;
    private Future<?> pending;
    private boolean everConnected;
    /** When the current outage began ({@link System#nanoTime} scale), or -1 while there is none. */
    private long outageSince = -1;
    private int failedAttempts;
    private boolean refusing;
    /** Why the loop stopped by itself, or null. */
    private String stopReason;

    private ReconnectLoop(Builder builder) {
        this.name = builder.name;
        this.attempt = builder.attempt;
        this.executor = Objects.requireNonNull(builder.executor, "executor");
        this.scheduler = builder.scheduler;
        this.backoff = Objects.requireNonNull(builder.backoff, "backoff");
        this.refusedDelay = Objects.requireNonNull(builder.refusedDelay, "refusedDelay");
        this.nanoTime = builder.nanoTime;
    }

    /**
     * A loop that runs {@code attempt} to connect to {@code name} (a phrase for log lines, such as
     * {@code "hub wss://pos.example/ws"}).
     */
    public static Builder builder(String name, Attempt attempt) {
        return new Builder(name, attempt);
    }

    /** Runs the first attempt (on the executor). */
    public void start() {
        Try first;
        synchronized (this) {
            if (started) {
                throw new IllegalStateException(name + ": reconnect loop already started");
            }
            if (closed) {
                throw new IllegalStateException(name + ": reconnect loop closed");
            }
            started = true;
            first = new Try();
            current = first;
        }
        launch(first);
    }

    /** Whether an attempt has connected and has not ended since. */
    public synchronized boolean isConnected() {
        return current != null && current.state == State.CONNECTED;
    }

    /**
     * Why the loop stopped by itself, or null while it runs (and after a plain {@link #close}):
     * its executor refused an attempt or its scheduler refused a delay, so it will not reconnect
     * any more. Logged as an error when it happens.
     */
    public synchronized String stopReason() {
        return stopReason;
    }

    /**
     * Stops: the pending delay is cancelled, no attempt starts any more and every link turns
     * inactive. What the current attempt opened is its owner's to close. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        current = null;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void launch(Try attempt) {
        try {
            executor.execute(() -> run(attempt));
        } catch (RuntimeException e) {
            stop("its executor refused the next attempt", e);
        }
    }

    private void run(Try link) {
        if (!link.active()) {
            return;
        }
        try {
            attempt.run(link);
        } catch (Exception e) {
            link.failed(describe(e));
        }
    }

    private synchronized boolean connected(Try link) {
        if (closed || current != link || link.state != State.CONNECTING) {
            return false;
        }
        link.state = State.CONNECTED;
        backoff.reset();
        if (outageSince >= 0) {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - outageSince);
            LOG.info("{}: connected again after {} ms and {} failed attempt(s)", name, millis, failedAttempts);
        } else if (!everConnected) {
            LOG.info("{}: connected", name);
        }
        everConnected = true;
        outageSince = -1;
        failedAttempts = 0;
        refusing = false;
        return true;
    }

    private synchronized boolean ended(Try link, String reason, boolean refused) {
        if (closed || current != link || link.state == State.ENDED) {
            return false;
        }
        boolean wasConnected = link.state == State.CONNECTED;
        link.state = State.ENDED;
        current = null;
        Duration delay = refused ? refusedDelay : backoff.next();
        logEnd(reason, refused, wasConnected, delay);
        try {
            pending = scheduler.schedule(delay, this::next);
        } catch (RuntimeException e) {
            // thrown into whoever reported the end (a transport's callback), it would be lost,
            // and the loop would wait for a delay that never comes
            stop("its scheduler refused the delay before the next attempt", e);
        }
        return true;
    }

    /** The caller holds the lock. */
    private void logEnd(String reason, boolean refused, boolean wasConnected, Duration delay) {
        boolean outageStarts = outageSince < 0;
        if (outageStarts) {
            outageSince = nanoTime.getAsLong();
        }
        if (!wasConnected) {
            failedAttempts++;
        }
        if (refused) {
            if (!refusing) {
                // a refusal needs someone to act, so it is reported even in the middle of an outage
                LOG.warn("{}: {}; trying again every {} ms", name, reason, refusedDelay.toMillis());
            } else {
                LOG.debug("{}: {}; trying again in {} ms", name, reason, delay.toMillis());
            }
        } else if (outageStarts) {
            LOG.warn("{}: {} ({}); reconnecting with backoff", name,
                    wasConnected ? "connection lost" : "cannot connect", reason);
        } else {
            LOG.debug("{}: attempt failed ({}); next in {} ms", name, reason, delay.toMillis());
        }
        refusing = refused;
    }

    /** Stops for good because work could not be handed on; says so unless the owner closed the loop first. */
    private synchronized void stop(String why, RuntimeException e) {
        if (closed) {
            LOG.debug("{}: {} after close", name, why, e);
            return;
        }
        stopReason = why + ": " + describe(e);
        LOG.error("{}: {}; it will not reconnect any more", name, stopReason, e);
        close();
    }

    /** Runs on the scheduler: only hands the next attempt over to the executor. */
    private void next() {
        Try link;
        synchronized (this) {
            pending = null;
            if (closed) {
                return;
            }
            link = new Try();
            current = link;
        }
        launch(link);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The link of one attempt. */
    private final class Try implements Link {
        // guarded by the loop
        private State state = State.CONNECTING;

        @Override
        public boolean connected() {
            return ReconnectLoop.this.connected(this);
        }

        @Override
        public boolean failed(String reason) {
            return ended(this, reason, false);
        }

        @Override
        public boolean refused(String reason) {
            return ended(this, reason, true);
        }

        @Override
        public boolean active() {
            synchronized (ReconnectLoop.this) {
                return !closed && current == this;
            }
        }
    }

    /** Configures a {@link ReconnectLoop}. */
    public static final class Builder {
        private final String name;
        private final Attempt attempt;
        private Executor executor;
        private Scheduler scheduler = SharedTimer::schedule;
        private Backoff backoff;
        private Duration refusedDelay;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder(String name, Attempt attempt) {
            this.name = Objects.requireNonNull(name, "name");
            this.attempt = Objects.requireNonNull(attempt, "attempt");
        }

        /** Where attempts run; a synchronous attempt occupies it while connected. Required. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The delays after a drop or a failed attempt (usually {@link Backoff#jittered}), and the
         * longer one after a refusal. Required.
         */
        public Builder delays(Backoff backoff, Duration refusedDelay) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            this.refusedDelay = Objects.requireNonNull(refusedDelay, "refusedDelay");
            return this;
        }

        /** Where delays are waited out; the {@link SharedTimer} unless a test steps time itself. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The clock outages are measured with, for the log line that ends one; {@code System::nanoTime} by default. */
        public Builder clock(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        /** The loop, not yet started. */
        public ReconnectLoop build() {
            return new ReconnectLoop(this);
        }
    }
}
