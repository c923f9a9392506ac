package dev.multisession.runtime.flow;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket: up to {@code burst} tokens, refilled at {@code perSecond}; each message takes
 * one. It both admits incoming messages (the hub's per-connection limit) and paces outgoing ones
 * (a terminal that catches up stays under that limit). Not thread-safe: the owner guards it.
 */
public final class TokenBucket {

    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    /** A full bucket; {@code nanoTime} is the clock ({@code System::nanoTime} outside tests). */
    public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1, got "
                    + perSecond + "/s and " + burst);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes a token if one is there. */
    public boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Nanoseconds until a token will be there (0 if one is there now). */
    public long nanosUntilNext() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * SECOND_NANOS / perSecond);
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / SECOND_NANOS);
        refilledAt = now;
    }
}
