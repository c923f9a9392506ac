package dev.multisession.runtime.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's picture for the admin page's live feed, built once per tick for every open page:
 * the pages wait for the next frame and write the same text, so the store is read once per
 * tick whether one page is open or sixteen. A tick builds a frame when a page is open and one
 * of them just connected, something on the node may have changed ({@code version} moved), or
 * the last frame is a heartbeat old (other nodes' commits move no version here).
 */
final class AdminPicture {

    private static final Logger LOG = LoggerFactory.getLogger(AdminPicture.class);

    /** One built picture: one up per build, and its JSON text. */
    record Frame(long number, String json) {}

    private final Supplier<ObjectNode> build;
    private final LongSupplier version;
    private final LongSupplier nanoTime;
    private final long heartbeatNanos;

    // guarded by this
    private Frame latest;
    private int pages;
    private boolean wanted;
    private long builtVersion;
    private long builtAt;
    private boolean failing;

    AdminPicture(Supplier<ObjectNode> build, LongSupplier version, LongSupplier nanoTime, long heartbeatMillis) {
        this.build = build;
        this.version = version;
        this.nanoTime = nanoTime;
        this.heartbeatNanos = TimeUnit.MILLISECONDS.toNanos(heartbeatMillis);
    }

    /**
     * One tick, from one thread only: builds a frame if one is due, outside the monitor so that
     * pages go on waiting meanwhile. A picture that cannot be built (the store does not answer)
     * is logged and tried again at the next change or heartbeat; the pages keep the last one.
     *
     * @return whether a frame was built
     */
    boolean tick() {
        long now = nanoTime.getAsLong();
        long at;
        synchronized (this) {
            at = version.getAsLong();
            boolean due = wanted || latest == null || at != builtVersion || now - builtAt >= heartbeatNanos;
            if (pages == 0 || !due) {
                return false;
            }
            wanted = false;
            builtVersion = at;
            builtAt = now;
        }
        String json;
        try {
            json = OperatorHandler.json(build.get());
        } catch (RuntimeException e) {
            synchronized (this) {
                if (!failing) {
                    LOG.warn("the admin page's picture cannot be built; the pages keep the last one: {}", e.toString());
                }
                failing = true;
            }
            return false;
        }
        synchronized (this) {
            failing = false;
            latest = new Frame(latest == null ? 1 : latest.number() + 1, json);
            notifyAll();
        }
        return true;
    }

    /**
     * A page opens: the next tick builds a fresh frame for it.
     *
     * @return the number of the frame built before, which the page waits to pass
     */
    synchronized long open() {
        pages++;
        wanted = true;
        return latest == null ? 0 : latest.number();
    }

    /** A page went away. */
    synchronized void close() {
        pages--;
    }

    /** The newest frame after frame {@code after}, waiting at most {@code timeoutMillis}; null if none came. */
    synchronized Frame next(long after, long timeoutMillis) throws InterruptedException {
        // the injected clock, as for the heartbeat: one notion of time for the whole picture
        long deadline = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (latest == null || latest.number() <= after) {
            long left = deadline - nanoTime.getAsLong();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return latest;
    }
}
