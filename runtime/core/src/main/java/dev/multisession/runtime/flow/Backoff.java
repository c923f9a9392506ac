package dev.multisession.runtime.flow;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * Delays between attempts that double up to a maximum. {@link #jittered} draws each delay
 * uniformly between zero and the current bound ("full jitter"), so that clients cut off together
 * (a hub restart) do not all come back in the same millisecond; {@link #doubling} waits exactly
 * the bound, for pauses one client takes on its own. Not thread-safe.
 */
public final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    /** Given the current bound, the delay to wait. */
    private final LongUnaryOperator delayForBound;
    private int attempt;

    /**
     * A backoff whose delay for the current bound is {@code delayForBound.applyAsLong(bound)}
     * (given a bound in nanoseconds, a value in [0, bound]).
     */
    public Backoff(Duration min, Duration max, LongUnaryOperator delayForBound) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, got " + min + " and " + max);
        }
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.delayForBound = delayForBound;
    }

    /** Exponential backoff with full jitter: a uniformly random delay in [0, min × 2ⁿ], capped at {@code max}. */
    public static Backoff jittered(Duration min, Duration max) {
        return new Backoff(min, max, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
    }

    /** Delays of exactly min, 2 × min, 4 × min … up to {@code max}. */
    public static Backoff doubling(Duration min, Duration max) {
        return new Backoff(min, max, bound -> bound);
    }

    /** The delay before the next attempt; each call doubles the bound, up to the maximum. */
    public Duration next() {
        long bound = minNanos;
        for (int i = 0; i < attempt && bound < maxNanos; i++) {
            bound *= 2;
        }
        bound = Math.min(bound, maxNanos);
        if (attempt < 62) {
            attempt++;
        }
        return Duration.ofNanos(delayForBound.applyAsLong(bound));
    }

    /** The bound the next delay is drawn under, without taking it. */
    public Duration peekBound() {
        long bound = minNanos;
        for (int i = 0; i < attempt && bound < maxNanos; i++) {
            bound *= 2;
        }
        return Duration.ofNanos(Math.min(bound, maxNanos));
    }

    /** Starts over at the minimum (after an attempt succeeded). */
    public void reset() {
        attempt = 0;
    }

    /** Whether no delay was taken since the last reset. */
    public boolean atStart() {
        return attempt == 0;
    }
}
