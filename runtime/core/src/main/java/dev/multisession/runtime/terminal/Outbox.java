package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.ClientMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * A terminal's mutations the hub has not reflected yet, by mutation id, and which of them are on
 * their way: the send window. Acknowledgements are cumulative (an ack for an id covers every
 * lower one), so the window is the ids above the highest acknowledged one up to the highest
 * sent on this connection. Not thread-safe: the terminal guards it.
 */
final class Outbox {

    private final TreeMap<Long, PendingMutation> entries = new TreeMap<>();
    private final int maxInFlight;
    /** The highest mutation id sent on this connection. */
    private long sentUpTo;
    /** The highest mutation id the hub has acknowledged (every lower one too). */
    private long ackedUpTo;
    /** After a resend request: the id it rewound to and how many stale requests for it are still due. */
    private long rewoundTo = -1;
    private long staleResends;
    /** The last {@link PendingMutation#ticket} handed out. */
    private long tickets;

    Outbox(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    PendingMutation add(ClientMessage message) {
        PendingMutation pending = new PendingMutation(message, ++tickets);
        entries.put(pending.mutationId(), pending);
        return pending;
    }

    /** The pending entry of {@code order} made last, or null. */
    PendingMutation lastOf(String order) {
        PendingMutation last = null;
        for (PendingMutation pending : entries.values()) {
            if (pending.order().equals(order) && (last == null || pending.ticket > last.ticket)) {
                last = pending;
            }
        }
        return last;
    }

    PendingMutation get(long mutationId) {
        return entries.get(mutationId);
    }

    void remove(long mutationId) {
        entries.remove(mutationId);
    }

    int size() {
        return entries.size();
    }

    Collection<PendingMutation> all() {
        return entries.values();
    }

    /** Marks every entry up to {@code mutationId} not yet acknowledged as reflected at {@code seq}. */
    void acknowledge(long mutationId, long seq) {
        for (PendingMutation pending : entries.headMap(mutationId, true).values()) {
            if (!pending.acknowledged()) {
                pending.ackSeq = seq;
            }
        }
        acknowledgedUpTo(mutationId);
    }

    /** A snapshot at {@code seq} holds every entry up to {@code mutationId}, whatever their acks said. */
    void containedIn(long mutationId, long seq) {
        for (PendingMutation pending : entries.headMap(mutationId, true).values()) {
            if (!pending.acknowledged() || pending.ackSeq > seq) {
                pending.ackSeq = seq;
            }
        }
        acknowledgedUpTo(mutationId);
    }

    /** The hub has handled every id up to {@code mutationId}, though not said at which seq. */
    void acknowledgedUpTo(long mutationId) {
        if (mutationId > ackedUpTo) {
            ackedUpTo = mutationId;
            sentUpTo = Math.max(sentUpTo, ackedUpTo);
        }
    }

    /** Removes the acknowledged entries that {@code lastSeq} reflects and returns them. */
    List<PendingMutation> dropReflected(long lastSeq) {
        List<PendingMutation> dropped = new ArrayList<>();
        entries.values().removeIf(pending -> {
            boolean reflected = pending.acknowledged() && pending.ackSeq <= lastSeq;
            if (reflected) {
                dropped.add(pending);
            }
            return reflected;
        });
        return dropped;
    }

    /** Moves every entry made in run 0 into {@code runId}; returns the rewritten messages. */
    List<ClientMessage> adoptRun(long runId) {
        List<ClientMessage> rewritten = new ArrayList<>();
        for (PendingMutation pending : entries.values()) {
            if (pending.runId() == 0) {
                pending.moveToRun(runId);
                rewritten.add(pending.message());
            }
        }
        return rewritten;
    }

    /** Whether an order was created here in {@code runId} (a mutation on base revision 0 is pending). */
    boolean createdHere(String uid, long runId) {
        for (PendingMutation pending : entries.values()) {
            if (pending.order().equals(uid) && pending.runId() == runId
                    && pending.message() instanceof ClientMessage.Mutate mutate && mutate.baseRevision() == 0) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- a hub or a store that forgot

    /**
     * The highest id this terminal knows the hub handled: every id acknowledged since this
     * process started, and the ids below the first pending one, which left the outbox only once
     * the hub had handled them; with nothing pending, every id handed out ({@code lastHandedOut}).
     */
    long knownHandled(long lastHandedOut) {
        long stored = entries.isEmpty() ? lastHandedOut : entries.firstKey() - 1;
        return Math.max(stored, ackedUpTo);
    }

    /**
     * Gives every entry with an id of at least {@code from} a new id after {@code after}, in
     * order, and forgets what was said of them: a hub that has handled exactly up to
     * {@code after} has seen none of them under either id. The highest acknowledged id becomes
     * {@code after}, lower than before if the hub went back, and sending starts again after it.
     * Returns the old ids, in order; the entries carry the new ones.
     */
    List<Long> renumber(long from, long after) {
        List<PendingMutation> moved = new ArrayList<>(entries.tailMap(from, true).values());
        List<Long> oldIds = new ArrayList<>(moved.size());
        entries.tailMap(from, true).clear();
        long id = after;
        for (PendingMutation pending : moved) {
            oldIds.add(pending.mutationId());
            pending.renumber(++id);
            entries.put(id, pending);
        }
        ackedUpTo = after;
        restart(after);
        return oldIds;
    }

    /**
     * Gives every change above {@code after} on base revision 0 of an order {@code revisionOf}
     * knows at a revision (the terminal had it confirmed: its creation is not pending) that
     * revision as its base, so that a hub that went back and lost the order refuses it instead
     * of taking it for the order's creation and making half an order of it.
     */
    void rebase(long after, ToLongFunction<String> revisionOf) {
        for (PendingMutation pending : entries.tailMap(after, false).values()) {
            long revision = revisionOf.applyAsLong(pending.order());
            if (revision > 0) {
                pending.rebase(revision);
            }
        }
    }

    /**
     * A hub whose state at {@code seq} holds every entry up to {@code mutationId}, whatever an
     * earlier hub said of them (a hub that went back holds them at another seq).
     */
    void reflectedAt(long mutationId, long seq) {
        for (PendingMutation pending : entries.headMap(mutationId, true).values()) {
            pending.ackSeq = seq;
        }
    }

    /** The highest id in the outbox, and at least {@code floor}. */
    long lastIdAtLeast(long floor) {
        return entries.isEmpty() ? floor : Math.max(floor, entries.lastKey());
    }

    /** The lowest id in the outbox, or 0 when it is empty. */
    long firstId() {
        return entries.isEmpty() ? 0 : entries.firstKey();
    }

    // ---------------------------------------------------------------- the send window

    /** A new connection: everything above {@code handledUpTo} is to be sent again. */
    void restart(long handledUpTo) {
        acknowledgedUpTo(handledUpTo);
        sentUpTo = ackedUpTo;
        rewoundTo = -1;
        staleResends = 0;
    }

    /** Starts again from the first unacknowledged entry (after a pause). */
    void rewind() {
        restart(ackedUpTo);
    }

    /** The next entry to send if the window has room, else null. */
    PendingMutation nextToSend() {
        if (entries.subMap(ackedUpTo, false, sentUpTo, true).size() >= maxInFlight) {
            return null;
        }
        Map.Entry<Long, PendingMutation> next = entries.higherEntry(sentUpTo);
        while (next != null && next.getValue().acknowledged()) {
            next = entries.higherEntry(next.getKey());
        }
        return next == null ? null : next.getValue();
    }

    void sent(PendingMutation pending) {
        sentUpTo = pending.mutationId();
    }

    /**
     * The hub missed mutation {@code expected} and asks for everything from it on; returns
     * whether to send again. Each message sent after it on this connection draws the same
     * request, so after one rewind the requests already on their way are ignored instead of
     * re-sending the window each time.
     */
    boolean resendFrom(long expected) {
        if (expected <= ackedUpTo) {
            return false; // stale: sent before a later acknowledgement
        }
        if (expected == rewoundTo && staleResends > 0) {
            staleResends--;
            return false;
        }
        rewoundTo = expected;
        staleResends = Math.max(0, sentUpTo - expected - 1);
        sentUpTo = Math.min(sentUpTo, expected - 1);
        return true;
    }
}
