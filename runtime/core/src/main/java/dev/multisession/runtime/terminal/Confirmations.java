package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The futures that wait for the hub: one per change an {@link Edit} handle waits on, keyed by
 * the outbox entry's stable {@link PendingMutation#ticket}, and those of {@link
 * Terminal#whenSynced()}. Not thread-safe: the terminal's lock guards it. Futures are completed
 * by the thread that carries out the protocol's effects (the terminal's executor), under that
 * lock, like listener calls.
 */
final class Confirmations {

    private final String terminalId;
    private final Map<Long, CompletableFuture<Confirmation>> byTicket = new HashMap<>();
    private final List<CompletableFuture<Void>> synced = new ArrayList<>();
    private boolean closed;

    Confirmations(String terminalId) {
        this.terminalId = terminalId;
    }

    /** The future of the outbox entry with {@code ticket}; several handles of one entry share it. */
    CompletableFuture<Confirmation> await(long ticket) {
        if (closed) {
            return CompletableFuture.failedFuture(closed());
        }
        return byTicket.computeIfAbsent(ticket, t -> new CompletableFuture<>());
    }

    /** What the app is told of a confirmed change. */
    static Confirmation describe(SyncEffect.Confirmed confirmed) {
        List<Conflict> dropped = new ArrayList<>(confirmed.dropped().size());
        for (HubMessage.DroppedOp op : confirmed.dropped()) {
            dropped.add(new Conflict(confirmed.order(), confirmed.mutationId(), op.op(), op.reason(), op.message()));
        }
        return new Confirmation(confirmed.order(), confirmed.mutationId(), confirmed.revision(), confirmed.number(),
                dropped);
    }

    /** Completes the handle of the change with {@code ticket}, if one waits. */
    void confirmed(long ticket, Confirmation confirmation) {
        CompletableFuture<Confirmation> future = byTicket.remove(ticket);
        if (future != null) {
            future.complete(confirmation);
        }
    }

    void refused(SyncEffect.Refused refused) {
        CompletableFuture<Confirmation> future = byTicket.remove(refused.ticket());
        if (future != null) {
            future.completeExceptionally(new EditRefusedException(
                    new Conflict(refused.order(), refused.mutationId(), null, refused.reason(), refused.message())));
        }
    }

    /** A future that completes the next time the terminal is in sync, at once if it is now. */
    CompletableFuture<Void> whenSynced(boolean syncedNow) {
        if (closed) {
            return CompletableFuture.failedFuture(closed());
        }
        if (syncedNow) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        synced.add(future);
        return future;
    }

    /** The terminal is in sync now: completes every {@link #whenSynced} future. */
    void inSync() {
        if (synced.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> due = new ArrayList<>(synced);
        synced.clear();
        for (CompletableFuture<Void> future : due) {
            future.complete(null);
        }
    }

    /** Fails every waiting future: nothing will complete them in this terminal. */
    void close() {
        closed = true;
        List<CompletableFuture<?>> due = new ArrayList<>(byTicket.values());
        due.addAll(synced);
        byTicket.clear();
        synced.clear();
        for (CompletableFuture<?> future : due) {
            future.completeExceptionally(closed());
        }
    }

    private TerminalClosedException closed() {
        return new TerminalClosedException("terminal " + terminalId + " closed before the hub confirmed; changes"
                + " not yet confirmed stay in its store and are sent by the next terminal built on it");
    }
}
