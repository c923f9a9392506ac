package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.flow.TokenBucket;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Applies a {@link RateLimit} to the messages of one connection: a {@link TokenBucket} decides
 * which messages pass, and the drops are counted per second to tell a client that overshoots
 * now and then from one that floods. Thread-safe.
 */
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

    private final TokenBucket bucket;
    private final int disconnectAfter;
    private final LongSupplier nanoTime;
    private long windowStart;
    private int rejectedInWindow;

    MessageRateLimiter(RateLimit limit, LongSupplier nanoTime) {
        this.bucket = new TokenBucket(limit.messagesPerSecond(), limit.burst(), nanoTime);
        this.disconnectAfter = limit.disconnectAfter();
        this.nanoTime = nanoTime;
        this.windowStart = nanoTime.getAsLong();
    }

    MessageRateLimiter(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    synchronized Verdict admit() {
        if (bucket.tryTake()) {
            return Verdict.ACCEPT;
        }
        long now = nanoTime.getAsLong();
        if (now - windowStart >= WINDOW_NANOS) {
            windowStart = now;
            rejectedInWindow = 0;
        }
        rejectedInWindow++;
        return rejectedInWindow > disconnectAfter ? Verdict.DISCONNECT : Verdict.REJECT;
    }
}
