package dev.multisession.runtime.transport.websocket;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the text messages of one WebSocket connection in order. Callers (the hub, a terminal)
 * must never block, so {@link #offer} and {@link #offerAll} only queue; whatever is waiting
 * when a write starts goes out as one run of frames (up to {@link #MAX_RUN}) in one socket
 * write where the socket allows ({@link TextFrames}), and the completion of a run starts the
 * next. A batch the hub answers and broadcasts therefore costs each connection one write, not
 * one per message. A peer that reads too slowly lets the queue grow to its limit; the
 * connection is then closed (1013, try again later) rather than letting memory grow: the peer
 * reconnects and catches up from the log.
 */
final class OutboundQueue {

    /** The most messages written as one run; more wait for the next, so that Jetty holds a bounded amount. */
    static final int MAX_RUN = 64;

    private static final Logger LOG = LoggerFactory.getLogger(OutboundQueue.class);

    private final Session session;
    private final TextFrames frames;
    private final int limit;
    private final String peer;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    OutboundQueue(Session session, int limit, String peer) {
        this(session, TextFrames.of(session), limit, peer);
    }

    OutboundQueue(Session session, TextFrames frames, int limit, String peer) {
        if (limit < 1) {
            throw new IllegalArgumentException("outbound queue limit must be at least 1, got " + limit);
        }
        this.session = session;
        this.frames = frames;
        this.limit = limit;
        this.peer = peer;
    }

    /** Queues a message; false if the connection is closed or has just been dropped for falling behind. */
    boolean offer(String text) {
        return offerAll(List.of(text));
    }

    /**
     * Queues messages to be written in this order, together where the socket allows; false if
     * the connection is closed or has just been dropped for falling behind (then none is written).
     */
    boolean offerAll(List<String> texts) {
        boolean full;
        int waiting;
        synchronized (this) {
            if (closed) {
                return false;
            }
            waiting = queue.size();
            full = waiting + texts.size() > limit;
            if (full) {
                closed = true;
                queue.clear();
            } else {
                queue.addAll(texts);
                if (writing) {
                    return true;
                }
                writing = true;
            }
        }
        if (full) {
            LOG.warn("{} does not read fast enough ({} messages waiting, {} more would pass the limit of {});"
                    + " closing its connection", peer, waiting, texts.size(), limit);
            session.close(StatusCode.TRY_AGAIN_LATER, "outbound queue full", Callback.NOOP);
            return false;
        }
        drain();
        return true;
    }

    /** Discards whatever is still queued; later offers return false. */
    synchronized void close() {
        closed = true;
        queue.clear();
    }

    /**
     * Writes runs of what is queued until the queue is empty. A run whose write completes inside
     * the send continues this loop; one that completes later continues from its callback, so the
     * stack never grows with the queue.
     */
    private void drain() {
        while (true) {
            List<String> run = nextRun();
            if (run == null) {
                return;
            }
            Write write = new Write();
            int last = run.size() - 1;
            for (int i = 0; i < last; i++) {
                frames.send(run.get(i), true, write.held);
            }
            frames.send(run.get(last), false, write);
            if (!write.completedInline()) {
                return;
            }
        }
    }

    /** The next messages to write, or null (and no longer writing) if nothing waits. */
    private synchronized List<String> nextRun() {
        if (closed || queue.isEmpty()) {
            writing = false;
            return null;
        }
        int size = Math.min(MAX_RUN, queue.size());
        List<String> run = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            run.add(queue.poll());
        }
        return run;
    }

    private void failed(Throwable cause) {
        boolean first;
        synchronized (this) {
            first = !closed;
            closed = true;
            writing = false;
            queue.clear();
        }
        if (first) {
            LOG.debug("write to {} failed; the connection is going away", peer, cause);
        }
    }

    /**
     * Completion of one run, signalled by its last frame (frames complete in order); whoever
     * comes second (the caller or the callback) goes on. The frames before the last only report
     * failures.
     */
    private final class Write implements Callback {
        private final AtomicBoolean handedOver = new AtomicBoolean();
        final Callback held = new Callback() {
            @Override
            public void fail(Throwable cause) {
                failed(cause);
            }
        };

        @Override
        public void succeed() {
            if (!handedOver.compareAndSet(false, true)) {
                drain();
            }
        }

        @Override
        public void fail(Throwable cause) {
            failed(cause);
        }

        /** True if the run's write already completed, in which case the caller continues. */
        boolean completedInline() {
            return !handedOver.compareAndSet(false, true);
        }
    }
}
