package dev.multisession.runtime.terminal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread on which every terminal of the JVM waits out a pause before sending
 * again. Its tasks only hand work over to a terminal's executor, so one thread is plenty.
 */
final class RetryTimer {

    private static final ScheduledExecutorService TIMER = create();

    private RetryTimer() {}

    /** Runs {@code task} on the timer thread after {@code delayMillis}; it must return quickly. */
    static void schedule(long delayMillis, Runnable task) {
        TIMER.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "multisession-terminal-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
