package dev.multisession.runtime.flow;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the runtime's own threads: daemon threads (they never keep a JVM alive
 * after the application is done) with names that say whose they are in a thread dump.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** Threads named {@code prefix-1}, {@code prefix-2}, …; an uncaught exception is logged by the JVM's default handler. */
    public static ThreadFactory named(String prefix) {
        AtomicInteger numbers = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A factory of threads that all carry exactly {@code name} (for a single-threaded service). */
    public static ThreadFactory single(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
