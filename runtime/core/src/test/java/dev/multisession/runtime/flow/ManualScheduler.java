package dev.multisession.runtime.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** A scheduler whose clock moves only when a test says so. Not thread-safe. */
final class ManualScheduler implements Scheduler {

    private record Delayed(long dueNanos, Runnable task, CompletableFuture<Void> future) {}

    private final List<Delayed> delayed = new ArrayList<>();
    private final List<Duration> requested = new ArrayList<>();
    private long nowNanos;

    @Override
    public Future<?> schedule(Duration delay, Runnable task) {
        requested.add(delay);
        Delayed entry = new Delayed(nowNanos + delay.toNanos(), task, new CompletableFuture<>());
        delayed.add(entry);
        return entry.future();
    }

    /** Moves the clock and runs, in time order, every task that falls due and was not cancelled. */
    void advance(Duration by) {
        long until = nowNanos + by.toNanos();
        while (true) {
            Delayed next = delayed.stream()
                    .filter(d -> d.dueNanos() <= until)
                    .min(Comparator.comparingLong(Delayed::dueNanos))
                    .orElse(null);
            if (next == null) {
                break;
            }
            delayed.remove(next);
            nowNanos = Math.max(nowNanos, next.dueNanos());
            if (!next.future().isCancelled()) {
                next.task().run();
                next.future().complete(null);
            }
        }
        nowNanos = until;
    }

    /** Tasks still waiting, cancelled ones left out. */
    long waiting() {
        return delayed.stream().filter(d -> !d.future().isCancelled()).count();
    }

    /** Every delay asked for, in order. */
    List<Duration> requested() {
        return requested;
    }

    long nanoTime() {
        return nowNanos;
    }
}
