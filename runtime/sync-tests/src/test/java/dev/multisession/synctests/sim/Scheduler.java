package dev.multisession.synctests.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/** Virtual time for the simulation: tasks run one at a time, in time order, ties in scheduling order. */
public final class Scheduler {

    private static final Instant EPOCH = Instant.parse("2026-11-28T18:00:00Z");

    private record Task(long time, long order, Runnable work) {}

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.order, b.order));
    private long now;
    private long scheduled;

    /** Milliseconds since the simulation started. */
    public long now() {
        return now;
    }

    /** Runs {@code work} {@code delay} milliseconds from now. */
    public void after(long delay, Runnable work) {
        queue.add(new Task(now + Math.max(0, delay), scheduled++, work));
    }

    /** Runs every task due within {@code millis}, then moves the clock there. */
    public void runFor(long millis) {
        long until = now + millis;
        while (!queue.isEmpty() && queue.peek().time <= until) {
            runOne();
        }
        now = until;
    }

    /** Runs tasks until none is left; fails if that takes more than {@code maxTasks} (a livelock). */
    public void runUntilIdle(long maxTasks) {
        long ran = 0;
        while (!queue.isEmpty()) {
            if (++ran > maxTasks) {
                throw new IllegalStateException("no quiescence after " + maxTasks + " tasks");
            }
            runOne();
        }
    }

    private void runOne() {
        Task task = queue.poll();
        now = Math.max(now, task.time);
        task.work.run();
    }

    /** A clock that reads this scheduler's virtual time. */
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
