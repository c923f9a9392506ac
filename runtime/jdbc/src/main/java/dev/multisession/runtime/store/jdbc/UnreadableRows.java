package dev.multisession.runtime.store.jdbc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders whose stored JSON cannot be read (a row written by hand, a damaged restore, an older
 * version's bug): each is left out of snapshots and refused for edits, so that one bad row
 * never takes its session's other orders down with it. Each one is logged once per process
 * with what to do, not on every snapshot.
 */
final class UnreadableRows {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRows.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private UnreadableRows() {}

    /** Logs, once per distinct row content, that order {@code uid} of {@code session} is quarantined. */
    static void quarantined(String session, String uid, String text, RuntimeException cause) {
        if (REPORTED.add(session + '\u0000' + uid + '\u0000' + (text == null ? 0 : text.hashCode()))) {
            LOG.error("order {} of session {} cannot be read from the hub's store ({}); it is left out of snapshots"
                    + " and edits of it are refused until the row is repaired or deleted; the session's other orders"
                    + " are served as usual", uid, session, cause.getMessage());
        }
    }
}
