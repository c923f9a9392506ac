package dev.multisession.runtime.hub;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs queued tasks only when the test says so, so that a test decides what forms one batch. */
final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs every task queued, and those they queue, on the calling thread. */
    void runAll() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
            }
            if (task == null) {
                return;
            }
            task.run();
        }
    }
}
