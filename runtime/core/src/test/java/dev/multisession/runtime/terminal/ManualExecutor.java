package dev.multisession.runtime.terminal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A terminal's "UI thread" that the test drives: tasks wait until the test runs them, one by one. */
final class ManualExecutor implements Executor {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Waits for the next task and runs it on the calling thread. */
    void runNext() throws InterruptedException {
        Runnable task = tasks.poll(5, TimeUnit.SECONDS);
        if (task == null) {
            throw new AssertionError("no task arrived within 5 s");
        }
        task.run();
    }

    /** Runs tasks until none arrives for {@code quietMillis}. */
    void runUntilQuiet(long quietMillis) throws InterruptedException {
        Runnable task;
        while ((task = tasks.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
            task.run();
        }
    }
}
