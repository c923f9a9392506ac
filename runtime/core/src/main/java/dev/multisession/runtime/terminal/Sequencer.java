package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.TreeMap;

/**
 * Puts the events of the terminal's run in {@code seq} order: says which event applies now,
 * keeps the ones that arrive early, and decides when a gap is worth a {@code sync} request
 * (once per gap: every early event of the same gap would otherwise ask again). Not
 * thread-safe: the terminal guards it.
 */
final class Sequencer {

    /** What to do with an arriving event. */
    enum Verdict {
        /** The next event in sequence: apply it, then ask {@link #next} for the ones it unblocks. */
        APPLY,
        /** Already applied, or of another run (a snapshot follows a new run): drop it. */
        IGNORE,
        /** Early: kept until the gap before it is filled. */
        HOLD,
        /** Early, and the first sign of this gap: kept, and a {@code sync} from the last applied seq is due. */
        HOLD_AND_SYNC
    }

    private final TreeMap<Long, HubMessage.Event> early = new TreeMap<>();
    /** The {@code lastSeq} a sync was last asked after; -1 when none is outstanding. */
    private long syncRequestedAfter = -1;

    /**
     * Sorts an event arriving when the replica stands at {@code cursor}. A sync is only asked
     * when {@code mayAskSync} (the hub has welcomed the terminal; before that the hub's own
     * replay is still on its way).
     */
    Verdict offer(HubMessage.Event event, Cursor cursor, boolean mayAskSync) {
        if (event.runId() != cursor.runId() || event.seq() <= cursor.lastSeq()) {
            return Verdict.IGNORE;
        }
        if (event.seq() == cursor.lastSeq() + 1) {
            return Verdict.APPLY;
        }
        early.put(event.seq(), event);
        if (mayAskSync && syncRequestedAfter != cursor.lastSeq()) {
            syncRequestedAfter = cursor.lastSeq();
            return Verdict.HOLD_AND_SYNC;
        }
        return Verdict.HOLD;
    }

    /**
     * Keeps an event that arrived before the connection's welcome, which decides first whether
     * the terminal's state is one these events may follow (see {@code SyncProtocol}).
     */
    void keep(HubMessage.Event event, Cursor cursor) {
        if (event.runId() == cursor.runId() && event.seq() > cursor.lastSeq()) {
            early.put(event.seq(), event);
        }
    }

    /** The kept event that applies once the replica stands at {@code cursor}, or null; forgets those already covered. */
    HubMessage.Event next(Cursor cursor) {
        early.headMap(cursor.lastSeq(), true).clear();
        return early.remove(cursor.lastSeq() + 1);
    }

    /**
     * A snapshot replaced the confirmed state at {@code cursor}: kept events it covers, or of
     * another run, can never apply, and a new gap deserves its own sync.
     */
    void snapshotTaken(Cursor cursor) {
        early.values().removeIf(event -> event.runId() != cursor.runId());
        early.headMap(cursor.lastSeq(), true).clear();
        syncRequestedAfter = -1;
    }

    /**
     * Sending starts again after a pause: if events are still kept, the sync asked for them may
     * have been dropped with the rest, so returns whether to ask again from {@code cursor}.
     */
    boolean askAgain(Cursor cursor) {
        if (early.isEmpty()) {
            return false;
        }
        syncRequestedAfter = cursor.lastSeq();
        return true;
    }

    /** A sync after {@code afterSeq} was just asked for otherwise: early events of that gap need not ask again. */
    void syncAsked(long afterSeq) {
        syncRequestedAfter = afterSeq;
    }

    /** The connection dropped: what was kept is replayed after the next hello. */
    void clear() {
        early.clear();
        syncRequestedAfter = -1;
    }
}
