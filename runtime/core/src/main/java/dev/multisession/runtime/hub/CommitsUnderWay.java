package dev.multisession.runtime.hub;

import java.time.Duration;

/**
 * Counts the batches of mutations handed to the store whose outcome has not been answered yet,
 * so that closing the hub can wait for them: such a batch holds no hub thread while it waits
 * for its commit, so waiting for the hub's threads alone would not wait for it. One per hub.
 */
final class CommitsUnderWay {

    /** Guarded by this. */
    private int count;

    /** A batch went to the store. */
    synchronized void started() {
        count++;
    }

    /** A batch's outcome was answered. */
    synchronized void finished() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /** Batches under way now. */
    synchronized int count() {
        return count;
    }

    /**
     * Waits until no batch is under way, for at most {@code limit}.
     *
     * @return whether none is
     */
    synchronized boolean awaitNone(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
