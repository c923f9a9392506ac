package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.flow.TokenBucket;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

class PacedOutboundTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> written = new ArrayList<>();
    /** Delays asked of the scheduler, and their tasks; the test runs them. */
    private final List<Duration> delays = new ArrayList<>();
    private final ArrayDeque<Runnable> timer = new ArrayDeque<>();
    /** The transport's events thread, stepped by the test. */
    private final ArrayDeque<Runnable> events = new ArrayDeque<>();

    private PacedOutbound paced(double perSecond, int burst, int limit) {
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(),
                new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        written.add((String) args[0]);
                        ((Callback) args[1]).succeed();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PacedOutbound(new OutboundQueue(session, 100, "test peer"), events::add, (delay, task) -> {
            delays.add(delay);
            timer.add(task);
            return new CompletableFuture<>();
        }, new TokenBucket(perSecond, burst, now::get), limit);
    }

    @Test
    void theBurstGoesOutAtOnceAndTheRestAsTheBucketRefills() {
        PacedOutbound paced = paced(10, 2, 100);
        for (String text : List.of("a", "b", "c", "d")) {
            assertTrue(paced.offer(text));
        }
        assertEquals(List.of("a", "b"), written);
        assertEquals(List.of(Duration.ofMillis(100)), delays, "one wait, for the next token");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        timer.poll().run();
        assertEquals(List.of("a", "b"), written, "the timer only hands the writing over");
        events.poll().run();
        assertEquals(List.of("a", "b", "c"), written);

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        timer.poll().run();
        events.poll().run();
        assertEquals(List.of("a", "b", "c", "d"), written);
        assertTrue(timer.isEmpty(), "nothing waits, nothing scheduled");
    }

    @Test
    void aFullWaitingQueueRefusesAndCloseDiscardsWhatWaits() {
        PacedOutbound paced = paced(1, 1, 2);
        assertTrue(paced.offer("sent"));
        assertTrue(paced.offer("waits 1"));
        assertTrue(paced.offer("waits 2"));
        assertFalse(paced.offer("one too many"));
        paced.close();
        assertFalse(paced.offer("after close"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        timer.poll().run();
        events.poll().run();
        assertEquals(List.of("sent"), written);
    }
}
