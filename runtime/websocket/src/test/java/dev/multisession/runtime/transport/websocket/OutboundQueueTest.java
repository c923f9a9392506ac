package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    /**
     * Frames that are recorded and complete only when told to (or at once); a run of frames ends
     * with one sent without {@code more}, and no frame may follow it before it completed.
     */
    private static final class FakeFrames implements TextFrames {
        final List<String> written = new ArrayList<>();
        /** For each frame: whether it said that more follow. */
        final List<Boolean> more = new ArrayList<>();
        /** Callbacks of runs' last frames, not yet completed. */
        final List<Callback> pending = new ArrayList<>();
        /** Callbacks of frames written with more to follow. */
        final List<Callback> held = new ArrayList<>();
        int closedWith = -1;
        boolean completeInline;

        @Override
        public void send(String text, boolean moreFollow, Callback callback) {
            if (!pending.isEmpty()) {
                throw new IllegalStateException("a frame while a run is outstanding");
            }
            written.add(text);
            more.add(moreFollow);
            if (moreFollow) {
                held.add(callback);
            } else if (completeInline) {
                callback.succeed();
            } else {
                pending.add(callback);
            }
        }

        Session session() {
            return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            closedWith = (Integer) args[0];
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        OutboundQueue queue(int limit) {
            return new OutboundQueue(session(), this, limit, "test peer");
        }

        void completeOne() {
            pending.remove(0).succeed();
        }
    }

    @Test
    void writesInOrderWhatWaitsAsOneRunOnceTheWriteBeforeCompleted() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(10);
        assertTrue(queue.offer("a"));
        assertTrue(queue.offer("b"));
        assertTrue(queue.offer("c"));
        assertEquals(List.of("a"), fake.written);
        fake.completeOne();
        assertEquals(List.of("a", "b", "c"), fake.written);
        assertEquals(List.of(false, true, false), fake.more, "b is held for c, c ends the run");
        fake.completeOne();
        assertTrue(queue.offer("d"));
        assertEquals(List.of("a", "b", "c", "d"), fake.written);
    }

    @Test
    void messagesOfferedTogetherGoOutAsOneRun() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(10);
        assertTrue(queue.offerAll(List.of("ack", "change 1", "change 2")));
        assertEquals(List.of("ack", "change 1", "change 2"), fake.written);
        assertEquals(List.of(true, true, false), fake.more);
        assertTrue(queue.offerAll(List.of("change 3")), "queued behind the run");
        assertEquals(3, fake.written.size());
        fake.completeOne();
        assertEquals(List.of("ack", "change 1", "change 2", "change 3"), fake.written);
    }

    @Test
    void aRunHoldsAtMostMaxRunMessages() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(1_000);
        int count = OutboundQueue.MAX_RUN + 10;
        List<String> texts = IntStream.range(0, count).mapToObj(Integer::toString).collect(Collectors.toList());
        assertTrue(queue.offerAll(texts));
        assertEquals(OutboundQueue.MAX_RUN, fake.written.size());
        assertFalse(fake.more.get(OutboundQueue.MAX_RUN - 1), "the run's last frame flushes it");
        fake.completeOne();
        assertEquals(texts, fake.written);
    }

    @Test
    void writesThatCompleteInlineDoNotGrowTheStack() {
        FakeFrames fake = new FakeFrames();
        fake.completeInline = true;
        OutboundQueue queue = fake.queue(200_000);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(queue.offer(Integer.toString(i)));
        }
        assertEquals(100_000, fake.written.size());
        assertEquals("99999", fake.written.get(99_999));
    }

    @Test
    void aPeerThatFallsBehindIsDisconnected() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(3);
        assertTrue(queue.offer("in flight"));
        assertTrue(queue.offer("1"));
        assertTrue(queue.offer("2"));
        assertTrue(queue.offer("3"));
        assertFalse(queue.offer("4"));
        assertEquals(StatusCode.TRY_AGAIN_LATER, fake.closedWith);
        assertFalse(queue.offer("5"), "nothing more is queued for a dropped peer");
        fake.completeOne();
        assertEquals(List.of("in flight"), fake.written);
    }

    @Test
    void messagesOfferedTogetherBeyondTheLimitDisconnect() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(3);
        assertTrue(queue.offer("in flight"));
        assertTrue(queue.offerAll(List.of("1", "2")));
        assertFalse(queue.offerAll(List.of("3", "4")));
        assertEquals(StatusCode.TRY_AGAIN_LATER, fake.closedWith);
        fake.completeOne();
        assertEquals(List.of("in flight"), fake.written);
    }

    @Test
    void theLimitCountsWhatWaitsBehindTheRunBeingWritten() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(3);
        assertTrue(queue.offerAll(List.of("1", "2", "3")));
        assertEquals(3, fake.written.size(), "the whole run is handed over and no longer waits");
        assertTrue(queue.offerAll(List.of("4", "5", "6")), "up to the limit waits behind the run");
        assertFalse(queue.offer("7"));
        assertEquals(StatusCode.TRY_AGAIN_LATER, fake.closedWith);
        fake.completeOne();
        assertEquals(List.of("1", "2", "3"), fake.written, "what waited is dropped with the connection");
    }

    @Test
    void aFailedWriteClosesTheQueue() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(10);
        queue.offer("a");
        queue.offer("b");
        fake.pending.remove(0).fail(new java.io.IOException("broken pipe"));
        assertFalse(queue.offer("c"));
        assertEquals(List.of("a"), fake.written);
    }

    @Test
    void aHeldFrameThatFailsClosesTheQueueThoughTheRunsLastFrameIsWritten() {
        FakeFrames fake = new FakeFrames();
        OutboundQueue queue = fake.queue(10);
        queue.offerAll(List.of("a", "b"));
        assertTrue(queue.offer("c"), "waits behind the run");
        fake.held.get(0).fail(new java.io.IOException("broken pipe"));
        assertFalse(queue.offer("d"), "closed by the failure of the run's first frame alone");
        fake.completeOne();
        assertEquals(List.of("a", "b"), fake.written, "nothing more is written after the failure");
    }

    @Test
    void aSessionThatIsNotJettysWritesEveryFrameAlone() {
        List<String> sent = new ArrayList<>();
        Session session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        sent.add((String) args[0]);
                        ((Callback) args[1]).succeed();
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        OutboundQueue queue = new OutboundQueue(session, 10, "test peer");
        assertTrue(queue.offerAll(List.of("a", "b")));
        assertEquals(List.of("a", "b"), sent);
    }
}
