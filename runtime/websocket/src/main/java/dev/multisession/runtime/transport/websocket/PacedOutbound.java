package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.flow.Scheduler;
import dev.multisession.runtime.flow.TokenBucket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Holds a terminal's messages to the hub to a steady rate (a {@link TokenBucket}), so that a
 * terminal catching up never trips the hub's per-connection {@link RateLimit}: messages over
 * the rate wait here and go out as the bucket refills. Thread-safe; {@link #offer} never blocks.
 */
final class PacedOutbound {

    private final OutboundQueue queue;
    private final Executor executor;
    private final Scheduler scheduler;
    private final TokenBucket bucket;
    private final int limit;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private boolean drainScheduled;
    private boolean closed;

    /**
     * @param queue where messages within the rate go
     * @param executor where waiting messages are written once the bucket has refilled
     * @param scheduler waits until then, and only hands the writing over to {@code executor}
     * @param bucket the pace
     * @param limit how many messages may wait
     */
    PacedOutbound(OutboundQueue queue, Executor executor, Scheduler scheduler, TokenBucket bucket, int limit) {
        this.queue = queue;
        this.executor = executor;
        this.scheduler = scheduler;
        this.bucket = bucket;
        this.limit = limit;
    }

    /** Sends now if the rate allows, else queues; false if closed or too much is waiting. */
    synchronized boolean offer(String text) {
        if (closed) {
            return false;
        }
        if (waiting.isEmpty() && bucket.tryTake()) {
            return queue.offer(text);
        }
        if (waiting.size() >= limit) {
            return false;
        }
        waiting.add(text);
        scheduleDrain();
        return true;
    }

    /** Discards what waits; later offers return false. */
    synchronized void close() {
        closed = true;
        waiting.clear();
        queue.close();
    }

    private synchronized void drain() {
        drainScheduled = false;
        if (closed) {
            return;
        }
        while (!waiting.isEmpty() && bucket.tryTake()) {
            queue.offer(waiting.poll());
        }
        if (!waiting.isEmpty()) {
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (drainScheduled) {
            return;
        }
        drainScheduled = true;
        scheduler.schedule(Duration.ofNanos(bucket.nanosUntilNext()), this::handOver);
    }

    private void handOver() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            close(); // the transport is closing
        }
    }
}
