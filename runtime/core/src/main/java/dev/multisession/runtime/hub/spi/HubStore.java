package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where a hub keeps its sessions: open orders, revisions, the log of recent changes, the
 * session's epoch and sequence, and the last mutation applied from each terminal.
 *
 * <p>Every change goes through {@link #inSession}: one transaction that holds the session's
 * lock (in PostgreSQL a row lock, so several hub nodes can share one database), and that is
 * durable when it returns, before the hub acknowledges anything. Implementations: an
 * in-memory store in this module; SQLite and PostgreSQL in {@code multisession-jdbc}.
 */
public interface HubStore extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction holding {@code session}'s lock, creating the session
     * (run 1, sequence 0) if it is new. The transaction commits when {@code work} returns and
     * rolls back when it throws; the exception is rethrown.
     */
    <R> R inSession(String session, SessionWork<R> work);

    /**
     * {@link #inSession}, without making the caller wait for the commit: the stage completes
     * with the work's result once the transaction is durable, or exceptionally with what the
     * work or the store threw (nothing of the work is then committed). The hub uses it for
     * batches of mutations, so that a batch waiting for the disk holds no hub thread and one
     * commit may carry the batches of every session that waits.
     *
     * <p>The stage may complete on a thread of the store's own (and may already be complete on
     * return); whoever continues from it must not block that thread. The default runs
     * {@link #inSession} on the calling thread and returns a completed stage, which suits a
     * store whose commits do not queue behind one another (in memory, PostgreSQL).
     */
    default <R> CompletionStage<R> inSessionAsync(String session, SessionWork<R> work) {
        try {
            return CompletableFuture.completedFuture(inSession(session, work));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Log events of {@code session} with a sequence number above {@code afterSeq}, in order,
     * at most {@code limit}. Read outside any write lock.
     */
    List<HubMessage.Event> readLog(String session, long afterSeq, int limit);

    /**
     * What {@code session}'s last commit left: its head and open orders, read together without
     * taking the session's lock, so a read never waits for a transaction nor holds one up, and
     * never creates the session. For operators' views, which must not slow the terminals down.
     *
     * @return empty if the store has never held {@code session}
     */
    Optional<CommittedSession> readCommitted(String session);

    /**
     * The head {@link #readCommitted} would return, without reading the open orders: whether the
     * store holds {@code session} and where its last commit left it. Takes no lock and never
     * creates the session. The default reads the whole committed session; stores override it
     * with a read of the head alone.
     *
     * @return empty if the store has never held {@code session}
     */
    default Optional<SessionHead> readHead(String session) {
        return readCommitted(session).map(CommittedSession::head);
    }

    /**
     * Registers a callback told, with the session id, when another hub node may have committed
     * changes to that session (PostgreSQL LISTEN/NOTIFY). A store used by one node only never
     * calls it. The callback must return quickly.
     */
    default void onRemoteCommit(Consumer<String> session) {}

    /**
     * Whether the database answers now (a cheap query with a short timeout), for readiness
     * checks; a store that is open has applied its migrations. Never throws.
     */
    default boolean reachable() {
        return true;
    }

    /** Releases connections and files. */
    @Override
    void close();

    /** Work run inside {@link #inSession}. */
    @FunctionalInterface
    interface SessionWork<R> {
        R run(SessionTx tx);
    }
}
