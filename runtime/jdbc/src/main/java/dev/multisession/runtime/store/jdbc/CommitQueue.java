package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.flow.DaemonThreads;
import dev.multisession.runtime.hub.spi.HubStore.SessionWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's one writer as a thread of its own with a queue in front of it: callers queue the
 * work of a session and get a future, and do not wait; the thread takes <em>everything</em>
 * queued, of any number of sessions, runs it as one {@link GroupCommit} (one transaction, one
 * commit, so one fsync), then completes every future of the group. Works of one caller are
 * run in the order queued. The futures complete on the writer thread, after the commit and
 * outside the write lock; what goes on from them must not block it.
 *
 * <p>Closing stops taking work (later calls fail at once), runs and commits what is already
 * queued, and ends the thread.
 */
final class CommitQueue {

    private static final Logger LOG = LoggerFactory.getLogger(CommitQueue.class);

    private final String name;
    private final GroupCommit groups;
    private final Lock writeLock;
    private final Thread thread;
    // guarded by this
    private List<QueuedWork<?>> queued = new ArrayList<>();
    private boolean closing;
    /** The writer thread is running a group (so a store call from it is one inside another). */
    private volatile boolean inGroup;
    private volatile long commits;
    private volatile long committedWorks;

    /**
     * @param name the store, for the thread's name and messages
     * @param writeLock held while a group runs, so others who use the writer connection (token
     *     changes) wait for it
     */
    CommitQueue(String name, GroupCommit groups, Lock writeLock) {
        this.name = name;
        this.groups = groups;
        this.writeLock = writeLock;
        this.thread = DaemonThreads.single("multisession-sqlite-writer").newThread(this::loop);
        thread.start();
    }

    /** Queues {@code work} for the next group; fails at once if the queue is closed. */
    <R> CompletableFuture<R> submit(String session, SessionWork<R> work) {
        QueuedWork<R> queuedWork = new QueuedWork<>(session, work);
        synchronized (this) {
            if (closing) {
                return CompletableFuture.failedFuture(new IllegalStateException("hub store " + name + " is closed"));
            }
            queued.add(queuedWork);
            if (queued.size() == 1) {
                notifyAll();
            }
        }
        return queuedWork.future();
    }

    /**
     * Runs {@code work} at once as a group of its own; only on the writer thread, between groups
     * (from a future's continuation that runs there).
     */
    <R> CompletableFuture<R> runHere(String session, SessionWork<R> work) {
        QueuedWork<R> queuedWork = new QueuedWork<>(session, work);
        runGroup(List.of(queuedWork));
        queuedWork.complete();
        return queuedWork.future();
    }

    /** Whether the calling thread is the writer thread. */
    boolean onWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Whether the calling thread is the writer thread running a group. */
    boolean inGroup() {
        return onWriterThread() && inGroup;
    }

    /** Works waiting for the next group (for tests). */
    synchronized int queued() {
        return queued.size();
    }

    /** Transactions committed so far (each one fsync with {@code synchronous=FULL}). */
    long commits() {
        return commits;
    }

    /** Works committed so far, over all commits. */
    long committedWorks() {
        return committedWorks;
    }

    /** Stops taking work, commits what is queued, and waits for the thread to end. */
    void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        if (onWriterThread()) {
            return; // the loop ends after this group's continuations
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            List<QueuedWork<?>> group;
            synchronized (this) {
                while (queued.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // only close ends the writer: a caller's work must not be left unanswered
                    }
                }
                if (queued.isEmpty()) {
                    return;
                }
                group = queued;
                queued = new ArrayList<>();
            }
            runGroup(group);
            for (QueuedWork<?> work : group) {
                try {
                    work.complete();
                } catch (RuntimeException | Error e) {
                    LOG.error("{}: a continuation of a committed transaction failed", name, e);
                }
            }
        }
    }

    private void runGroup(List<QueuedWork<?>> group) {
        writeLock.lock();
        inGroup = true;
        try {
            if (groups.run(group)) {
                commits++;
                long committed = 0;
                for (QueuedWork<?> work : group) {
                    committed += work.failure() == null ? 1 : 0;
                }
                committedWorks += committed;
            }
        } catch (RuntimeException | Error e) {
            for (QueuedWork<?> work : group) {
                if (work.failure() == null) {
                    work.fail(e);
                }
            }
        } finally {
            inGroup = false;
            writeLock.unlock();
        }
    }
}
