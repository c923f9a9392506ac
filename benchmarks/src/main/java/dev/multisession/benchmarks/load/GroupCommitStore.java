package dev.multisession.benchmarks.load;

import dev.multisession.runtime.hub.HubStore;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * An experiment, not a store to use: group commit in front of another store. Work for one
 * session that arrives while that session's transaction is committing waits, and the next
 * thread to get the session runs every waiting piece of work in one transaction of the store
 * underneath, so one fsync covers them all. Each piece sees the ones before it (the transaction
 * keeps the session head it saved). Unlike a real implementation it has no savepoints: one
 * failing piece rolls back the whole group. Used by {@link HubCapacity} to measure what group
 * commit would give the SQLite store.
 */
final class GroupCommitStore implements HubStore {

    private final HubStore delegate;
    private final Map<String, Group> groups = new ConcurrentHashMap<>();

    GroupCommitStore(HubStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        Group group = groups.computeIfAbsent(session, s -> new Group());
        Pending<R> pending = new Pending<>(work);
        group.queue.add(pending);
        synchronized (group) {
            if (!pending.done) {
                List<Pending<?>> batch = new ArrayList<>();
                Pending<?> next;
                while ((next = group.queue.poll()) != null) {
                    batch.add(next);
                }
                try {
                    delegate.inSession(session, tx -> {
                        for (Pending<?> p : batch) {
                            p.run(tx);
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    for (Pending<?> p : batch) {
                        p.failure = e;
                    }
                }
                for (Pending<?> p : batch) {
                    p.done = true;
                }
            }
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.result;
    }

    @Override
    public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
        return delegate.readLog(session, afterSeq, limit);
    }

    @Override
    public void onRemoteCommit(Consumer<String> session) {
        delegate.onRemoteCommit(session);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static final class Group {
        final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    }

    private static final class Pending<R> {
        final SessionWork<R> work;
        R result;
        RuntimeException failure;
        volatile boolean done;

        Pending(SessionWork<R> work) {
            this.work = work;
        }

        void run(dev.multisession.runtime.hub.SessionTx tx) {
            result = work.run(tx);
        }
    }
}
