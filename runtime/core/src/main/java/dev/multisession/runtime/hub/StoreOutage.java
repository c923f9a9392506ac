package dev.multisession.runtime.hub;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a database outage into two log lines an operator can read: one warning when the
 * hub's store first fails, one line when it works again, with how many attempts failed in
 * between. The failures in between (every retrying terminal draws one) go to debug, with
 * their stack traces. One per hub, shared by its sessions.
 */
final class StoreOutage {

    private static final Logger LOG = LoggerFactory.getLogger(StoreOutage.class);

    private final AtomicLong failures = new AtomicLong();
    private volatile long since;

    /** A store call failed while handling {@code what}. */
    void failed(String what, RuntimeException error) {
        if (failures.getAndIncrement() == 0) {
            since = System.nanoTime();
            LOG.warn("the hub's store fails ({} failed: {}); answering internal until it works again, terminals retry",
                    what, rootMessage(error));
        }
        LOG.debug("{} failed", what, error);
    }

    /** A store call succeeded: ends an outage if there was one. */
    void succeeded() {
        if (failures.get() == 0) {
            return;
        }
        long failed = failures.getAndSet(0);
        if (failed > 0) {
            LOG.warn("the hub's store works again after {} failed attempt(s) in {} s", failed,
                    Duration.ofNanos(System.nanoTime() - since).toSeconds());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error) : error + " (cause: " + root + ")";
    }
}
