package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void boundDoublesUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), bound -> bound);
        assertEquals(Duration.ofMillis(100), backoff.next());
        assertEquals(Duration.ofMillis(200), backoff.next());
        assertEquals(Duration.ofMillis(400), backoff.next());
        assertEquals(Duration.ofMillis(800), backoff.next());
        assertEquals(Duration.ofMillis(1000), backoff.next());
        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ofMillis(1000), backoff.next());
        }
        backoff.reset();
        assertEquals(Duration.ofMillis(100), backoff.next());
    }

    @Test
    void fullJitterStaysWithinTheBound() {
        Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2),
                bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        for (int i = 0; i < 50; i++) {
            Duration delay = backoff.next();
            assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofSeconds(2)) <= 0, delay.toString());
        }
    }

    @Test
    void minimumMustBePositiveAndNotAboveTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), b -> b));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), b -> b));
    }
}
