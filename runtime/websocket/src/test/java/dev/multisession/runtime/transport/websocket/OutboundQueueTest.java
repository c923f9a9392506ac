package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    /** A session that records writes and completes them only when told to. */
    private static final class FakeSession {
        final List<String> written = new ArrayList<>();
        final List<Callback> pending = new ArrayList<>();
        int closedWith = -1;
        boolean completeInline;

        Session session() {
            return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "sendText":
                                if (!pending.isEmpty()) {
                                    throw new IllegalStateException("a second write while one is outstanding");
                                }
                                written.add((String) args[0]);
                                if (completeInline) {
                                    ((Callback) args[1]).succeed();
                                } else {
                                    pending.add((Callback) args[1]);
                                }
                                return null;
                            case "close":
                                closedWith = (Integer) args[0];
                                return null;
                            default:
                                throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        void completeOne() {
            pending.remove(0).succeed();
        }
    }

    @Test
    void writesOneAtATimeInOrder() {
        FakeSession fake = new FakeSession();
        OutboundQueue queue = new OutboundQueue(fake.session(), 10, "test peer");
        assertTrue(queue.offer("a"));
        assertTrue(queue.offer("b"));
        assertTrue(queue.offer("c"));
        assertEquals(List.of("a"), fake.written);
        fake.completeOne();
        assertEquals(List.of("a", "b"), fake.written);
        fake.completeOne();
        fake.completeOne();
        assertEquals(List.of("a", "b", "c"), fake.written);
        assertTrue(queue.offer("d"));
        assertEquals(List.of("a", "b", "c", "d"), fake.written);
    }

    @Test
    void writesThatCompleteInlineDoNotGrowTheStack() {
        FakeSession fake = new FakeSession();
        fake.completeInline = true;
        OutboundQueue queue = new OutboundQueue(fake.session(), 200_000, "test peer");
        for (int i = 0; i < 100_000; i++) {
            assertTrue(queue.offer(Integer.toString(i)));
        }
        assertEquals(100_000, fake.written.size());
        assertEquals("99999", fake.written.get(99_999));
    }

    @Test
    void aPeerThatFallsBehindIsDisconnected() {
        FakeSession fake = new FakeSession();
        OutboundQueue queue = new OutboundQueue(fake.session(), 3, "slow peer");
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
    void aFailedWriteClosesTheQueue() {
        FakeSession fake = new FakeSession();
        OutboundQueue queue = new OutboundQueue(fake.session(), 10, "gone peer");
        queue.offer("a");
        queue.offer("b");
        fake.pending.remove(0).fail(new java.io.IOException("broken pipe"));
        assertFalse(queue.offer("c"));
        assertEquals(List.of("a"), fake.written);
    }
}
