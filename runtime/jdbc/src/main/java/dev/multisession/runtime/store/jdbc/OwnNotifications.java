package dev.multisession.runtime.store.jdbc;

import java.util.HashMap;
import java.util.Map;

/**
 * The commit notifications a PostgreSQL store sent itself, so that its listener can leave them
 * out: the node that committed broadcasts the change from memory, and a poke for its own
 * commit would only make it read the log again (a read transaction per commit, under the
 * session's broadcast monitor). PostgreSQL tells a listener the process id of the server
 * backend that sent each notification; a transaction records that id and the session just
 * before it commits, and the listener takes the record back when the notification arrives.
 *
 * <p>A record whose notification never arrives (a commit that failed after the record, or a
 * notification lost while the listening connection was down) is dropped when the listener
 * reconnects, which pokes every session anyway, or when too many pile up. While one stays, a
 * notification from another node is left out only if that node's backend has the same process
 * id, which the server gives to a new backend only after the recording connection has closed,
 * and is for the same session.
 *
 * <p>Thread-safe.
 */
final class OwnNotifications {
    /** More outstanding records than a pool's commits could leave between two notifications: something was lost. */
    private static final int MAX_RECORDS = 10_000;

    private final Map<Key, Integer> sent = new HashMap<>();

    private record Key(int backendPid, String session) {}

    /** A transaction on the backend {@code backendPid} notified for {@code session} and is about to commit. */
    synchronized void sent(int backendPid, String session) {
        if (sent.size() >= MAX_RECORDS) {
            sent.clear();
        }
        sent.merge(new Key(backendPid, session), 1, Integer::sum);
    }

    /** That transaction did not commit: its notification will not come. */
    synchronized void withdrawn(int backendPid, String session) {
        take(new Key(backendPid, session));
    }

    /**
     * Whether a notification heard from {@code backendPid} for {@code session} is one this store
     * sent; if so, its record is taken.
     */
    synchronized boolean isOwn(int backendPid, String session) {
        return take(new Key(backendPid, session));
    }

    /** Drops every record (the listener reconnected: what was not heard by now never will be). */
    synchronized void forget() {
        sent.clear();
    }

    private boolean take(Key key) {
        Integer count = sent.get(key);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            sent.remove(key);
        } else {
            sent.put(key, count - 1);
        }
        return true;
    }
}
