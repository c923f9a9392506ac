package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void burstPassesThenTheRateApplies() {
        MessageRateLimiter limiter = new MessageRateLimiter(new RateLimit(10, 3, 100), now::get);
        assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit());
        assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit());
        assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit());
        assertEquals(MessageRateLimiter.Verdict.REJECT, limiter.admit());
        advanceMillis(100);
        assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit());
        assertEquals(MessageRateLimiter.Verdict.REJECT, limiter.admit());
        advanceMillis(10_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit(), "the bucket holds at most the burst");
        }
        assertEquals(MessageRateLimiter.Verdict.REJECT, limiter.admit());
    }

    @Test
    void sustainedFloodEndsInDisconnect() {
        MessageRateLimiter limiter = new MessageRateLimiter(new RateLimit(10, 1, 5), now::get);
        assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit());
        for (int i = 0; i < 5; i++) {
            assertEquals(MessageRateLimiter.Verdict.REJECT, limiter.admit());
        }
        assertEquals(MessageRateLimiter.Verdict.DISCONNECT, limiter.admit());
    }

    @Test
    void occasionalExcessInSeparateSecondsDoesNotDisconnect() {
        MessageRateLimiter limiter = new MessageRateLimiter(new RateLimit(1, 1, 2), now::get);
        for (int second = 0; second < 10; second++) {
            assertEquals(MessageRateLimiter.Verdict.ACCEPT, limiter.admit());
            assertEquals(MessageRateLimiter.Verdict.REJECT, limiter.admit());
            assertEquals(MessageRateLimiter.Verdict.REJECT, limiter.admit());
            advanceMillis(1_000);
        }
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(Double.NaN, 1, 1));
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
