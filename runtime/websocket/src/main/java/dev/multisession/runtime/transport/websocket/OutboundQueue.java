package dev.multisession.runtime.transport.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the text messages of one WebSocket connection one after another. Jetty allows one
 * outstanding write per session, and callers (the hub, a terminal) must never block, so
 * {@link #offer} only queues; the completion of each write starts the next. A peer that reads
 * too slowly lets the queue grow to its limit; the connection is then closed (1013, try again
 * later) rather than letting memory grow: the peer reconnects and catches up from the log.
 */
final class OutboundQueue {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);

    private final Session session;
    private final int limit;
    private final String peer;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    OutboundQueue(Session session, int limit, String peer) {
        if (limit < 1) {
            throw new IllegalArgumentException("outbound queue limit must be at least 1, got " + limit);
        }
        this.session = session;
        this.limit = limit;
        this.peer = peer;
    }

    /** Queues a message; false if the connection is closed or has just been dropped for falling behind. */
    boolean offer(String text) {
        String first;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queue.size() >= limit) {
                closed = true;
                queue.clear();
                first = null;
            } else if (writing) {
                queue.add(text);
                return true;
            } else {
                writing = true;
                first = text;
            }
        }
        if (first == null) {
            LOG.warn("{} does not read fast enough ({} messages waiting); closing its connection", peer, limit);
            session.close(StatusCode.TRY_AGAIN_LATER, "outbound queue full", Callback.NOOP);
            return false;
        }
        drain(first);
        return true;
    }

    /** Discards whatever is still queued; later offers return false. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    /**
     * Writes {@code text} and whatever follows it. A write that completes inside
     * {@code sendText} continues this loop; one that completes later continues from its
     * callback, so the stack never grows with the queue.
     */
    private void drain(String text) {
        String current = text;
        while (current != null) {
            Write write = new Write();
            session.sendText(current, write);
            if (!write.completedInline()) {
                return;
            }
            current = next();
        }
    }

    private String next() {
        synchronized (this) {
            String text = closed ? null : queue.poll();
            if (text == null) {
                writing = false;
            }
            return text;
        }
    }

    private void failed(Throwable cause) {
        synchronized (this) {
            closed = true;
            writing = false;
            queue.clear();
        }
        LOG.debug("write to {} failed; the connection is going away", peer, cause);
    }

    /** Completion of one write; whoever comes second (the caller or the callback) goes on. */
    private final class Write implements Callback {
        private final AtomicBoolean handedOver = new AtomicBoolean();

        @Override
        public void succeed() {
            if (!handedOver.compareAndSet(false, true)) {
                drain(next());
            }
        }

        @Override
        public void fail(Throwable cause) {
            failed(cause);
        }

        /** True if the write already completed, in which case the caller continues. */
        boolean completedInline() {
            return !handedOver.compareAndSet(false, true);
        }
    }
}
