package dev.multisession.runtime.transport.websocket;

import java.util.concurrent.TimeUnit;

/** Polls a condition until it holds, failing the test with what was awaited when time runs out. */
final class Eventually {

    /** A condition that may throw (for example while asking a terminal on its UI thread). */
    interface Check {
        boolean holds() throws Exception;
    }

    private Eventually() {}

    static void await(Check check, String what, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
