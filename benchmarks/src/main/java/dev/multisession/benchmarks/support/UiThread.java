package dev.multisession.benchmarks.support;

import dev.multisession.runtime.flow.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A terminal's "UI thread": one daemon thread running tasks in order. Once shut down it drops
 * late transport events quietly instead of failing the transport's thread.
 */
public final class UiThread {

    private UiThread() {}

    public static ExecutorService start(String name) {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.single(name), new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Runs {@code task} on {@code ui} and waits up to 60 seconds for its result. */
    public static <T> T call(ExecutorService ui, Callable<T> task) {
        try {
            return ui.submit(task).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("task on " + ui + " failed", e);
        }
    }
}
