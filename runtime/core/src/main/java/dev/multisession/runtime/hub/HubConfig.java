package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.schema.OpChecks;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The settings of a {@link Hub}, as {@link Hub.Builder} collected and checked them.
 *
 * @param store where sessions are kept
 * @param clock the clock for authors' times
 * @param logSize how many recent events each session's log keeps for replay
 * @param maxBatch the most messages one task takes from a session's queue, so the most
 *     mutations in one transaction
 * @param sessionQueueLimit the most mutations that may wait in one session's queue
 * @param connectionQueueLimit of those, the most from one connection
 * @param threading where sessions' queues are handled
 * @param checks what every operation is checked against before it is applied: the sessions'
 *     model, or {@link OpChecks#none()} for a hub bound to none
 */
public record HubConfig(HubStore store, Clock clock, int logSize, int maxBatch, int sessionQueueLimit,
        int connectionQueueLimit, Threading threading, OpChecks checks) {

    public HubConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(threading, "threading");
        Objects.requireNonNull(checks, "checks");
        positive("logSize", logSize);
        positive("maxBatch", maxBatch);
        positive("sessionQueueLimit", sessionQueueLimit);
        positive("connectionQueueLimit", connectionQueueLimit);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }

    /** Where the hub handles its sessions' queues. */
    public sealed interface Threading {
        /** A pool of this many daemon threads that the hub owns and shuts down on close. */
        record OwnPool(int workers) implements Threading {
            public OwnPool {
                positive("workers", workers);
            }
        }

        /** The caller's executor, which the hub does not shut down. */
        record Given(Executor executor) implements Threading {
            public Given {
                Objects.requireNonNull(executor, "executor");
            }
        }

        /** On the thread that hands the message over (see {@link Hub.Builder#sameThread()}). */
        record SameThread() implements Threading {}
    }
}
