package dev.multisession.runtime.transport.websocket;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Applies a {@link RateLimit} to the messages of one connection. Thread-safe. */
final class MessageRateLimiter {

    /** What to do with one incoming message. */
    enum Verdict {
        /** Within the rate: handle it. */
        ACCEPT,
        /** Over the rate: answer {@code rate_limited} and drop it. */
        REJECT,
        /** The client keeps flooding: close the connection. */
        DISCONNECT
    }

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;
    private long windowStart;
    private int rejectedInWindow;

    MessageRateLimiter(RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.tokens = limit.burst();
        this.refilledAt = nanoTime.getAsLong();
        this.windowStart = refilledAt;
    }

    MessageRateLimiter(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    synchronized Verdict admit() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(limit.burst(), tokens + (now - refilledAt) * limit.messagesPerSecond() / WINDOW_NANOS);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            rejectedInWindow = 0;
        }
        rejectedInWindow++;
        return rejectedInWindow > limit.disconnectAfter() ? Verdict.DISCONNECT : Verdict.REJECT;
    }
}
