package dev.multisession.sample.cli.hub;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM (or Ctrl-C) into an orderly stop: the hook wakes the command, waits until it
 * has closed the server, the hub and the store, and ends the process with exit code 0. The
 * hook must not wait for the main thread to end: that thread calls {@code System.exit}, which
 * blocks while shutdown hooks run.
 */
final class ShutdownSignal {

    /** How long the hook gives the command to close everything before the JVM goes down anyway. */
    private static final long CLOSE_SECONDS = 10;

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Registers the hook; call before anything that must be closed is opened. */
    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onSignal, "hub-shutdown"));
        return signal;
    }

    /** Blocks until the process is asked to stop. */
    void await() {
        try {
            requested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything is closed: the hook may end the process. */
    void closed() {
        closed.countDown();
    }

    private void onSignal() {
        if (closed.getCount() == 0) {
            return; // the command ended by itself; its own exit code stands
        }
        requested.countDown();
        try {
            if (closed.await(CLOSE_SECONDS, TimeUnit.SECONDS)) {
                System.out.flush();
                System.err.flush();
                // a stop the hub asked for and completed is a success, not death by signal (143)
                Runtime.getRuntime().halt(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
