package dev.multisession.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One picture per tick, shared by every open page; built only when a page is open and something is due. */
class AdminPictureTest {

    private static final long HEARTBEAT = 5_000;

    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final AdminPicture picture = new AdminPicture(
            () -> JsonNodeFactory.instance.objectNode().put("build", builds.incrementAndGet()),
            version::get, nanos::get, HEARTBEAT);

    @Test
    void withoutPagesNothingIsBuilt() {
        version.incrementAndGet();
        assertFalse(picture.tick());
        assertEquals(0, builds.get());
    }

    @Test
    void manyPagesShareOneBuildPerTick() throws Exception {
        int pages = 16;
        ExecutorService threads = Executors.newFixedThreadPool(pages);
        try {
            List<Future<AdminPicture.Frame>> received = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                long after = picture.open();
                received.add(threads.submit(() -> picture.next(after, 20_000)));
            }
            assertTrue(picture.tick());
            AdminPicture.Frame first = received.get(0).get(20, TimeUnit.SECONDS);
            for (Future<AdminPicture.Frame> page : received) {
                assertSame(first, page.get(20, TimeUnit.SECONDS), "every page writes the same frame");
            }
            assertEquals(1, builds.get());
            assertEquals("{\"build\":1}", first.json());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aTickBuildsOnlyWhenAPageJoinedTheVersionMovedOrAHeartbeatIsDue() throws Exception {
        long after = picture.open();
        assertTrue(picture.tick(), "the page that joined wants a picture");
        AdminPicture.Frame joined = picture.next(after, 0);
        assertFalse(picture.tick(), "nothing changed");
        assertNull(picture.next(joined.number(), 0));

        version.incrementAndGet();
        assertTrue(picture.tick(), "the version moved");
        AdminPicture.Frame changed = picture.next(joined.number(), 0);
        assertEquals(joined.number() + 1, changed.number());
        assertFalse(picture.tick());

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(HEARTBEAT));
        assertTrue(picture.tick(), "a heartbeat is due");
        assertFalse(picture.tick());

        long second = picture.open();
        assertTrue(picture.tick(), "a second page wants a fresh picture, not one a heartbeat old");
        assertEquals(second + 1, picture.next(second, 0).number());
        assertEquals(4, builds.get());

        picture.close();
        picture.close();
        version.incrementAndGet();
        assertFalse(picture.tick(), "no page is open any more");
    }

    @Test
    void aPictureThatCannotBeBuiltLeavesTheLastOne() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AdminPicture failing = new AdminPicture(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("hub store is closed");
            }
            return JsonNodeFactory.instance.objectNode();
        }, version::get, nanos::get, HEARTBEAT);
        long after = failing.open();
        assertTrue(failing.tick());
        AdminPicture.Frame last = failing.next(after, 0);
        version.incrementAndGet();
        assertFalse(failing.tick());
        assertNull(failing.next(last.number(), 0), "the pages keep the last picture");
        assertFalse(failing.tick(), "tried again at the next change or heartbeat, not on every tick");
        assertEquals(2, calls.get());
    }

    @Test
    void aPageWaitsByTheInjectedClock() {
        AtomicInteger reads = new AtomicInteger();
        // the first read starts the wait; every later one is a minute on: the wait is over at once
        AdminPicture late = new AdminPicture(() -> JsonNodeFactory.instance.objectNode(), version::get,
                () -> reads.getAndIncrement() == 0 ? 0 : TimeUnit.MINUTES.toNanos(1) + 1, HEARTBEAT);
        late.open();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(late.next(0, 60_000)),
                "a page waited by the system's clock, not the picture's");
    }
}
