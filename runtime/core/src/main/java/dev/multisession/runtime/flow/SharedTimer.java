package dev.multisession.runtime.flow;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread on which the runtime waits out delays (a terminal's pause after
 * {@code rate_limited}, a paced message, a reconnect). Its tasks only hand work over to an
 * executor of their own, so one thread for the whole JVM is enough.
 */
public final class SharedTimer {

    private static final ScheduledThreadPoolExecutor TIMER = create();

    private SharedTimer() {}

    /**
     * Runs {@code task} on the timer thread after {@code delay}. The task must return quickly;
     * an exception it throws is lost with its future, so it should only hand work over.
     */
    public static ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return TIMER.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, DaemonThreads.single("multisession-timer"));
        // cancelled reconnects and pauses must not pile up in the queue until their time comes
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
