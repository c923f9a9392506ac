package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.merge.MergeEngine;
import dev.multisession.runtime.merge.OrderInfo;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a terminal holds of the hub: the confirmed orders as of its {@link Cursor}, the orders it
 * saw removed, and what it shows: that state with the outbox of the current run on top. It does
 * no I/O: {@link #write()} starts the store write that records a change. Not thread-safe: the
 * terminal guards it.
 */
final class Replica {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Outbox outbox;
    private Cursor cursor = Cursor.START;
    private final Map<String, HubMessage.OrderState> confirmed = new HashMap<>();
    private final Set<String> removedOrders = new HashSet<>();
    /**
     * The confirmed state dropped for a hub that went back, until the hub's state is taken again:
     * what the terminal shows, and diffs the user's changes against, in the meantime. An edit
     * made then is a change of what the user saw, on the revision they saw it at, not the
     * creation of an order from nothing.
     */
    private final Map<String, HubMessage.OrderState> stale = new HashMap<>();

    Replica(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Loads the stored state, outbox included; returns every order it knows of, hub numbers first. */
    Set<String> restore(TerminalState state) {
        cursor = new Cursor(state.runId(), state.lastSeq(), state.lastMutationId(), state.lastTag());
        for (HubMessage.OrderState order : state.confirmed()) {
            confirmed.put(order.order(), copy(order));
        }
        for (ClientMessage message : state.outbox()) {
            outbox.add(message);
        }
        return knownOrders();
    }

    Cursor cursor() {
        return cursor;
    }

    /** Hands out the next mutation id. */
    long takeMutationId() {
        cursor = cursor.nextMutation();
        return cursor.lastMutationId();
    }

    /** A terminal that never reached the hub joins the hub's run; its sequence stays until a snapshot. */
    void joinRun(long runId) {
        cursor = cursor.inRun(runId);
    }

    /** The hub has handled this terminal's mutations up to {@code mutationId}; numbering never goes below. */
    void handledUpTo(long mutationId) {
        cursor = cursor.mutationsAtLeast(mutationId);
    }

    /** The outbox was renumbered: the last id handed out is now {@code mutationId}, lower or not. */
    void renumberedUpTo(long mutationId) {
        cursor = cursor.mutationsUpTo(mutationId);
    }

    /**
     * Drops the confirmed state, which came from a hub store that has since gone back, and
     * stands at sequence 0 of the same run, to be built again from the hub's events or a
     * snapshot. Returns the orders it knew of, whose models must be refreshed once it is.
     */
    Set<String> forget() {
        Set<String> known = knownOrders();
        stale.clear();
        stale.putAll(confirmed);
        confirmed.clear();
        removedOrders.clear();
        cursor = cursor.fromScratch();
        return known;
    }

    /** The hub's state is taken again after {@link #forget()}: the old one is no longer shown. */
    void rebuilt() {
        stale.clear();
    }

    /** A store write of the current counters, to which the caller adds what changed. */
    TerminalWrite.Builder write() {
        return TerminalWrite.builder(cursor.runId(), cursor.lastSeq(), cursor.lastMutationId()).lastTag(cursor.lastTag());
    }

    HubMessage.OrderState confirmed(String uid) {
        return confirmed.get(uid);
    }

    /** The confirmed revision of the order (while the state is taken again, the one shown), 0 if the hub has not confirmed it. */
    long revision(String uid) {
        HubMessage.OrderState state = shownBase(uid);
        return state == null ? 0 : state.revision();
    }

    /** The confirmed state of the order, or while the hub's state is taken again the dropped one; null if none. */
    private HubMessage.OrderState shownBase(String uid) {
        HubMessage.OrderState state = confirmed.get(uid);
        return state != null || removedOrders.contains(uid) ? state : stale.get(uid);
    }

    /**
     * Every order the terminal has any state of: confirmed ones by hub number, then the
     * outbox's. Every order the terminal shows is one of them.
     */
    Set<String> knownOrders() {
        Set<String> all = new LinkedHashSet<>();
        confirmed.values().stream()
                .sorted((a, b) -> Long.compare(a.number(), b.number()))
                .forEach(o -> all.add(o.order()));
        for (PendingMutation pending : outbox.all()) {
            all.add(pending.order());
        }
        return all;
    }

    /** The hub's state of the order with the pending changes of the current run on top; null if gone. */
    ObjectNode visible(String uid) {
        HubMessage.OrderState state = shownBase(uid);
        ObjectNode json;
        if (state != null) {
            json = state.data().deepCopy();
        } else {
            if (removedOrders.contains(uid) || !outbox.createdHere(uid, cursor.runId())) {
                return null;
            }
            json = JSON.objectNode();
        }
        for (PendingMutation pending : outbox.all()) {
            if (!pending.order().equals(uid) || pending.runId() != cursor.runId()) {
                continue;
            }
            if (pending.isRemove()) {
                return null;
            }
            MergeEngine.instance().applyAll(json, ((ClientMessage.Mutate) pending.message()).ops());
        }
        return json;
    }

    /** Applies one event in sequence, recording what changed in {@code batch}. */
    void apply(HubMessage.Event event, EventBatch batch) {
        cursor = cursor.appliedUpTo(event.seq(), event.tag());
        batch.touched.add(event.order());
        if (event instanceof HubMessage.Change change) {
            HubMessage.OrderState old = confirmed.get(change.order());
            ObjectNode data = old == null ? JSON.objectNode() : old.data();
            ObjectNode info = old == null ? OrderInfo.empty() : old.info();
            MergeEngine.instance().applyAll(data, change.ops());
            OrderInfo.record(info, change.ops(), change.author());
            HubMessage.OrderState state = new HubMessage.OrderState(change.order(), change.revision(),
                    change.number(), data, info);
            confirmed.put(change.order(), state);
            batch.put.removeIf(o -> o.order().equals(change.order()));
            batch.put.add(state);
            batch.deleted.remove(change.order());
        } else {
            HubMessage.Removed removed = (HubMessage.Removed) event;
            confirmed.remove(removed.order());
            removedOrders.add(removed.order());
            batch.finalized.put(removed.order(), removed.finalized());
            batch.put.removeIf(o -> o.order().equals(removed.order()));
            batch.deleted.add(removed.order());
        }
    }

    /** Replaces the confirmed state by a snapshot; returns the orders it may have changed. */
    Set<String> adopt(HubMessage.Snapshot snapshot) {
        Set<String> touched = knownOrders();
        if (snapshot.runId() != cursor.runId()) {
            removedOrders.clear();
            cursor = cursor.inRun(snapshot.runId());
        }
        confirmed.clear();
        for (HubMessage.OrderState order : snapshot.orders()) {
            confirmed.put(order.order(), copy(order));
            touched.add(order.order());
        }
        cursor = cursor.appliedUpTo(snapshot.seq(), snapshot.tag());
        return touched;
    }

    List<HubMessage.OrderState> confirmedOrders() {
        return new ArrayList<>(confirmed.values());
    }

    /** A copy that later events, which change the confirmed JSON in place, leave alone. */
    static HubMessage.OrderState copy(HubMessage.OrderState order) {
        return new HubMessage.OrderState(order.order(), order.revision(), order.number(), order.data().deepCopy(),
                order.info().deepCopy());
    }

    /** What a run of events changed: orders to refresh, to store and to delete, and which removals were payments. */
    static final class EventBatch {
        final Set<String> touched = new LinkedHashSet<>();
        final Map<String, Boolean> finalized = new HashMap<>();
        final List<HubMessage.OrderState> put = new ArrayList<>();
        final List<String> deleted = new ArrayList<>();
    }
}
