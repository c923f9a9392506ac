package dev.multisession.runtime.transport.websocket;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * Reconnect delays: exponential with full jitter. Attempt {@code n} waits a uniformly random
 * time between zero and {@code min(max, min × 2ⁿ)}, so that terminals cut off together (a hub
 * restart) do not all come back in the same millisecond. Not thread-safe.
 */
final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    /** Given a bound, a uniformly random value in [0, bound]. */
    private final LongUnaryOperator random;
    private int attempt;

    Backoff(Duration min, Duration max, LongUnaryOperator random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the bound up to the maximum. */
    Duration next() {
        long bound = minNanos;
        for (int i = 0; i < attempt && bound < maxNanos; i++) {
            bound *= 2;
        }
        bound = Math.min(bound, maxNanos);
        if (attempt < 62) {
            attempt++;
        }
        return Duration.ofNanos(random.applyAsLong(bound));
    }

    /** Starts over at the minimum (after a connection succeeded). */
    void reset() {
        attempt = 0;
    }
}
