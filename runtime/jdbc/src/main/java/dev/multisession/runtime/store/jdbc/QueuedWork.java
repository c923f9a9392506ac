package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.HubStore.SessionWork;
import java.util.concurrent.CompletableFuture;

/**
 * One session's work waiting for SQLite's writer, and its outcome: set while its group runs,
 * told to the caller (the future completed) only once the group is committed or lost.
 */
final class QueuedWork<R> {
    final String session;
    private final SessionWork<R> work;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private R result;
    private Throwable failure;

    QueuedWork(String session, SessionWork<R> work) {
        this.session = session;
        this.work = work;
    }

    /** Runs the work and sends its last batched writes, so a failing write fails this work alone. */
    void run(JdbcSessionTx tx) {
        try {
            result = work.run(tx);
            tx.flush();
        } finally {
            tx.discard();
        }
    }

    /** This work's outcome is {@code cause}: nothing of it is committed. */
    void fail(Throwable cause) {
        failure = cause;
        result = null;
    }

    /** The failure set so far, or null. */
    Throwable failure() {
        return failure;
    }

    /** Tells the caller the outcome; called after the group's commit (or its loss). */
    void complete() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(result);
        }
    }

    /** Completes when {@link #complete} is called. */
    CompletableFuture<R> future() {
        return future;
    }
}
