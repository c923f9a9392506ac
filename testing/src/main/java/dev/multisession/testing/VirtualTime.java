package dev.multisession.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * Time that passes only when a test says so: tasks run on the calling thread, one at a time, in
 * time order (ties in the order they were scheduled), so a run with the same seed is the same
 * run every time. Not thread-safe: a test drives it from one thread.
 */
public final class VirtualTime {

    /** The instant virtual time starts at. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T12:00:00Z");

    private record Task(long time, long order, Runnable work) {}

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;

    /** Milliseconds since the start. */
    public long nowMillis() {
        return now;
    }

    /** Runs {@code work} {@code delayMillis} milliseconds from now (at once if not positive, after what is due now). */
    public void after(long delayMillis, Runnable work) {
        queue.add(new Task(now + Math.max(0, delayMillis), scheduled++, work));
    }

    /**
     * Runs every task due within {@code duration}, then moves the clock to its end.
     *
     * @throws IllegalArgumentException if {@code duration} is negative: time never runs back
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("virtual time never runs back: advance(" + duration + ")");
        }
        long until = now + duration.toMillis();
        while (!queue.isEmpty() && queue.peek().time <= until) {
            runOne();
        }
        now = until;
    }

    /**
     * Runs tasks, moving time forward as needed, until none is left.
     *
     * @throws IllegalStateException if more than {@code maxTasks} ran (something keeps making
     *     work: a livelock)
     */
    public void runUntilIdle(long maxTasks) {
        long ran = 0;
        while (!queue.isEmpty()) {
            if (++ran > maxTasks) {
                throw new IllegalStateException("still busy after " + maxTasks + " tasks: something keeps sending");
            }
            runOne();
        }
    }

    /** Whether no task is waiting. */
    public boolean isIdle() {
        return queue.isEmpty();
    }

    private void runOne() {
        Task task = queue.poll();
        now = Math.max(now, task.time);
        task.work.run();
    }

    /** A clock that reads virtual time (give it to the hub for its authors' times). */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return EPOCH.plusMillis(now);
            }
        };
    }
}
