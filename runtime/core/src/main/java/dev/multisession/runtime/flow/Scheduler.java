package dev.multisession.runtime.flow;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Where a component waits out its delays. Outside tests this is {@code SharedTimer::schedule};
 * tests pass a scheduler whose time they move by hand, so that nothing waits for a guessed sleep.
 */
@FunctionalInterface
public interface Scheduler {

    /**
     * Runs {@code task} once after {@code delay}, never on the calling thread. The task should only
     * hand work over; cancelling the returned future before it ran means it never runs.
     */
    Future<?> schedule(Duration delay, Runnable task);
}
