package dev.multisession.runtime.transport.websocket;

import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Holds a terminal's messages to the hub to a steady rate (a token bucket), so that a terminal
 * catching up never trips the hub's per-connection {@link RateLimit}: messages over the rate
 * wait here and go out as the bucket refills. Thread-safe; {@link #offer} never blocks.
 */
final class PacedOutbound {

    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final OutboundQueue queue;
    private final ScheduledExecutorService timer;
    private final double messagesPerSecond;
    private final int burst;
    private final int limit;
    private final LongSupplier nanoTime;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private double tokens;
    private long refilledAt;
    private boolean drainScheduled;
    private boolean closed;

    PacedOutbound(OutboundQueue queue, ScheduledExecutorService timer, double messagesPerSecond, int burst, int limit,
            LongSupplier nanoTime) {
        this.queue = queue;
        this.timer = timer;
        this.messagesPerSecond = messagesPerSecond;
        this.burst = burst;
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Sends now if the rate allows, else queues; false if closed or too much is waiting. */
    synchronized boolean offer(String text) {
        if (closed) {
            return false;
        }
        refill();
        if (waiting.isEmpty() && tokens >= 1) {
            tokens -= 1;
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
        refill();
        while (!waiting.isEmpty() && tokens >= 1) {
            tokens -= 1;
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
        long wait = (long) Math.ceil(Math.max(0, 1 - tokens) * SECOND_NANOS / messagesPerSecond);
        try {
            timer.schedule(this::drain, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            closed = true; // the transport is closing
        }
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * messagesPerSecond / SECOND_NANOS);
        refilledAt = now;
    }
}
