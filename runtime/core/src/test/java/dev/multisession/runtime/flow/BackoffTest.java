package dev.multisession.runtime.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
        Backoff backoff = Backoff.jittered(Duration.ofMillis(50), Duration.ofSeconds(2));
        for (int i = 0; i < 50; i++) {
            Duration delay = backoff.next();
            assertTrue(!delay.isNegative() && delay.compareTo(Duration.ofSeconds(2)) <= 0, delay.toString());
        }
    }

    @Test
    void doublingWaitsExactlyTheBoundAndStartsOverAfterReset() {
        Backoff backoff = Backoff.doubling(Duration.ofMillis(250), Duration.ofSeconds(8));
        assertTrue(backoff.atStart());
        assertEquals(Duration.ofMillis(250), backoff.next());
        assertEquals(Duration.ofMillis(500), backoff.peekBound());
        assertEquals(Duration.ofMillis(500), backoff.next());
        assertTrue(!backoff.atStart());
        backoff.reset();
        assertEquals(Duration.ofMillis(250), backoff.next());
    }

    @Test
    void minimumMustBePositiveAndNotAboveTheMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), b -> b));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), b -> b));
    }
}
