package dev.multisession.runtime.terminal;

import dev.multisession.runtime.flow.Backoff;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A terminal's side of the sync protocol (docs/PROTOCOL.md, "On a terminal") as a state machine
 * without I/O: {@link #handle} takes one {@link SyncEvent} and returns the {@link SyncEffect}s a
 * driver carries out, in order. It is made of a {@link Replica} (the confirmed state and the
 * {@link Cursor}), an {@link Outbox} (pending mutations and the send window) and a
 * {@link Sequencer} (events in order); on top it keeps the connection's state: connected,
 * welcomed, paused, and a generation that tells a stale pause from the current one.
 *
 * <p>It reads no clock, starts no thread and touches neither transport nor store, so every rule
 * can be checked by handing it events. Not thread-safe: the terminal guards it.
 */
final class SyncProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(SyncProtocol.class);
    /** A {@code sync} after this seq asks for a snapshot: no hub reaches it (2^53 - 1 is exact in any JSON reader). */
    static final long ASK_FOR_SNAPSHOT = (1L << 53) - 1;
    /** The first pause after {@code rate_limited}; it doubles while the hub keeps dropping messages. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration MAX_PAUSE = Duration.ofSeconds(8);

    private final Terminal.Identity identity;
    private final Outbox outbox;
    private final Replica replica;
    private final Sequencer sequencer = new Sequencer();
    private final Backoff pauses = Backoff.doubling(FIRST_PAUSE, MAX_PAUSE);
    /** Delays between attempts while the hub answers {@code internal}; it doubles while that goes on. */
    private final Backoff retries = Backoff.doubling(FIRST_PAUSE, MAX_PAUSE);
    /** The hub answered {@code internal} and has handled nothing since: one warning per streak. */
    private boolean hubFailing;
    /** Orders whose models wait until the replica, dropped for a hub that went back, is built again up to {@link #rebuiltAt}. */
    private final Set<String> rebuilding = new LinkedHashSet<>();
    private long rebuiltAt;
    /**
     * Where the terminal stood when this connection opened: the run and seq it had applied and
     * the highest mutation id it knew handled. A welcome is compared with these, not with what
     * the terminal applied since (events of the same hub may overtake its welcome).
     */
    private Cursor cursorAtConnect = Cursor.START;
    private long handledAtConnect;
    /**
     * A snapshot that overtook the welcome it follows: it waits for the welcome, which decides
     * first (a store that never reached the hub renumbers its changes before a snapshot may take
     * them for ones the hub handled).
     */
    private HubMessage.Snapshot earlySnapshot;
    private boolean connected;
    private boolean welcomed;
    private boolean refusalReported;
    /** The hub dropped messages for exceeding its rate; sending waits until the pause ends. */
    private boolean paused;
    /** Counts connections, so that a pause set on one does nothing on the next. */
    private long generation;
    /** The highest seq of the current run the hub has told of since its welcome (see {@link #isSynced}). */
    private long heardSeq;
    /** The ticket of the last local change, for its {@link Edit} handle. */
    private long lastTicket;
    /** Why the terminal cannot show the hub's state, until a snapshot it can read; null when it can. */
    private String unreadable;
    /** A snapshot was asked for because of {@link #unreadable} and has not come yet. */
    private boolean snapshotAsked;
    /** The last run of messages handled held a snapshot: if that cannot be applied, asking again would loop. */
    private boolean snapshotJustTaken;

    SyncProtocol(Terminal.Identity identity, int maxInFlight) {
        this.identity = identity;
        this.outbox = new Outbox(maxInFlight);
        this.replica = new Replica(outbox);
    }

    /** Loads the stored state; returns every order it knows of, hub numbers first. */
    Set<String> restore(TerminalState state) {
        return replica.restore(state);
    }

    /** The confirmed state and what the terminal shows; read it, change it only through {@link #handle}. */
    Replica replica() {
        return replica;
    }

    /** How many of this terminal's mutations the hub has not reflected yet. */
    int pendingMutations() {
        return outbox.size();
    }

    /** Whether the hub has welcomed this terminal on the current connection. */
    boolean isOnline() {
        return welcomed;
    }

    /**
     * Whether everything this terminal did is at the hub and it has seen everything the hub told
     * it of: welcomed and not paused, an empty outbox, and the confirmed state at (or past) the
     * highest seq heard since the welcome.
     */
    boolean isSynced() {
        return welcomed && !paused && outbox.size() == 0 && replica.cursor().lastSeq() >= heardSeq && unreadable == null;
    }

    /** Why the terminal cannot show the hub's state (see {@link SyncEvent.Unreadable}), or null. */
    String unreadable() {
        return unreadable;
    }

    /** The ticket of the outbox entry the last {@link SyncEvent.LocalEdit} or {@link SyncEvent.LocalRemove} made. */
    long lastTicket() {
        return lastTicket;
    }

    /** The ticket of the last pending change of {@code order}, or 0 if none is pending. */
    long pendingTicket(String order) {
        PendingMutation last = outbox.lastOf(order);
        return last == null ? 0 : last.ticket;
    }

    /** Handles one event; returns what to do about it, in order. */
    List<SyncEffect> handle(SyncEvent event) {
        Effects out = new Effects();
        if (event instanceof SyncEvent.Received received) {
            snapshotJustTaken = false;
            hear(received.messages());
            onReceived(received.messages(), out);
        } else if (event instanceof SyncEvent.LocalEdit edit) {
            enqueue(new ClientMessage.Mutate(replica.takeMutationId(), replica.cursor().runId(), edit.order(),
                    replica.revision(edit.order()), identity.user(), edit.ops()), out);
        } else if (event instanceof SyncEvent.LocalRemove remove) {
            enqueue(new ClientMessage.Remove(replica.takeMutationId(), replica.cursor().runId(), remove.order(),
                    replica.revision(remove.order()), identity.user(), remove.finalized()), out);
        } else if (event instanceof SyncEvent.Connected) {
            onConnected(out);
        } else if (event instanceof SyncEvent.Disconnected disconnected) {
            onDisconnected(disconnected.reason(), out);
        } else if (event instanceof SyncEvent.Unauthorized unauthorized) {
            onUnauthorized(unauthorized.reason(), out);
        } else if (event instanceof SyncEvent.Unreadable failure) {
            onUnreadable(failure.reason(), out);
        } else if (event instanceof SyncEvent.PauseElapsed elapsed) {
            if (elapsed.generation() == generation && paused) {
                resume(out);
            }
        }
        return out.list;
    }

    // ---------------------------------------------------------------- local changes

    private void enqueue(ClientMessage message, Effects out) {
        lastTicket = outbox.add(message).ticket;
        out.persist(replica.write().enqueue(message));
        pump(out);
    }

    /**
     * Sends pending mutations after the last one sent, in order, while the window has room;
     * acknowledgements call it again. A send that finds no connection is harmless: the
     * disconnect follows, and the next welcome starts again from the first unacknowledged one.
     */
    private void pump(Effects out) {
        if (!welcomed || paused) {
            return;
        }
        PendingMutation next;
        while ((next = outbox.nextToSend()) != null) {
            out.send(next.message());
            outbox.sent(next);
        }
    }

    // ---------------------------------------------------------------- connection

    private void onConnected(Effects out) {
        connected = true;
        welcomed = false;
        paused = false;
        refusalReported = false;
        generation++;
        earlySnapshot = null;
        cursorAtConnect = replica.cursor();
        handledAtConnect = outbox.knownHandled(cursorAtConnect.lastMutationId());
        sayHello(out);
    }

    private void sayHello(Effects out) {
        Cursor cursor = replica.cursor();
        out.send(new ClientMessage.Hello(identity.session(), identity.terminalId(), identity.user(), cursor.runId(),
                cursor.lastSeq(), Terminal.PROTOCOL, cursor.lastTag()));
    }

    private void onDisconnected(String reason, Effects out) {
        boolean wasOnline = welcomed;
        connected = false;
        welcomed = false;
        paused = false;
        generation++;
        earlySnapshot = null;
        snapshotAsked = false; // the next connection catches up, and asks again if it must
        sequencer.clear();
        LOG.debug("terminal {} disconnected: {}", identity.terminalId(), reason);
        if (wasOnline) {
            out.notify(new SyncEffect.ConnectionChanged(false));
        }
    }

    private void onUnauthorized(String reason, Effects out) {
        onDisconnected(reason, out);
        if (!refusalReported) {
            refusalReported = true;
            LOG.warn("terminal {}: the hub refused its credentials: {}", identity.terminalId(), reason);
            out.notify(new SyncEffect.CredentialsRefused(reason));
        }
    }

    private void onWelcome(HubMessage.Welcome welcome, Effects out) {
        if (!connected || welcomed) {
            // the hub answers one hello with one welcome, so a second one on a connection is a
            // copy of the first (or answers a repeated hello): the first one already decided
            // everything below, and deciding again on its old counts would see a hub going back
            return;
        }
        welcomed = true;
        endFailureStreak();
        long handled = welcome.lastMutationId();
        List<Long> moved = List.of();
        List<ClientMessage> rewritten = List.of();
        boolean wentBack = false;
        Cursor before = replica.cursor();
        if (before.runId() == 0) {
            moved = renumberOfflineChanges(handled, out);
            // Changes made before this terminal ever reached the hub belong to the hub's current
            // run, and so does every change made from now on: the terminal takes the run right
            // here, not when the snapshot that follows arrives, so no edit is made for run 0 while
            // it is already sending.
            replica.joinRun(welcome.runId());
            rewritten = outbox.adoptRun(welcome.runId());
        } else if (hubWentBack(welcome)) {
            wentBack = true;
            moved = onHubWentBack(welcome, out);
        }
        replica.handledUpTo(handled); // local state was lost: continue after the hub's count
        // handled before we reconnected: reflected by welcome.seq
        outbox.acknowledge(handled, welcome.seq());
        if (wentBack || !moved.isEmpty() || !replica.cursor().equals(before)) {
            out.persist(rewrittenWrite(moved, rewritten, wentBack));
        }
        outbox.restart(handled);
        pump(out);
        settle(new Replica.EventBatch(), false, out);
        out.notify(new SyncEffect.ConnectionChanged(true));
        if (earlySnapshot != null) {
            HubMessage.Snapshot snapshot = earlySnapshot;
            earlySnapshot = null;
            onSnapshot(snapshot, out);
        }
        HubMessage.Event kept = sequencer.next(replica.cursor());
        if (kept != null) {
            onEvent(kept, out); // events that overtook the welcome, now that it has decided
        }
    }

    /**
     * A store write of the counters that replaces every renumbered ({@code moved}: their old
     * ids) or rewritten outbox entry by what it is now, and clears the confirmed orders if the
     * replica was dropped.
     */
    private TerminalWrite.Builder rewrittenWrite(List<Long> moved, List<ClientMessage> rewritten, boolean cleared) {
        TerminalWrite.Builder write = replica.write();
        if (cleared) {
            write.clearOrders();
        }
        Set<Long> changed = new LinkedHashSet<>();
        for (long id : moved) {
            write.dequeue(id);
        }
        long firstMoved = moved.isEmpty() ? Long.MAX_VALUE : replica.cursor().lastMutationId() - moved.size() + 1;
        for (PendingMutation pending : outbox.all()) {
            if (pending.mutationId() >= firstMoved) {
                changed.add(pending.mutationId());
            }
        }
        for (ClientMessage message : rewritten) {
            long id = TerminalWrite.mutationId(message);
            if (changed.add(id)) {
                write.dequeue(id); // replaced in place
            }
        }
        for (long id : changed) {
            write.enqueue(outbox.get(id).message());
        }
        return write;
    }

    // ---------------------------------------------------------------- a store that forgot, a hub that went back

    /**
     * A welcome for a terminal whose store never reached the hub (run 0): none of its pending
     * changes can have been sent, since nothing is sent before a welcome and the welcome's run
     * is stored before anything is. If the hub has handled ids of this terminal already (the
     * terminal lost its state file, or is a memory-only terminal started again), the pending
     * changes are renumbered after the hub's count, so that none is taken for one the hub
     * handled. A store with a run is never renumbered here: its acks may just have been lost.
     * Returns the old ids of the entries that moved.
     */
    private List<Long> renumberOfflineChanges(long handled, Effects out) {
        if (outbox.size() == 0 || outbox.firstId() > handled) {
            return List.of();
        }
        List<Long> oldIds = outbox.renumber(0, handled);
        replica.renumberedUpTo(outbox.lastIdAtLeast(handled));
        warn(out, "terminal %s: the hub has handled this terminal's changes up to %d, but this terminal's store never "
                + "reached the hub (its state was lost or replaced): its %d offline change(s) are sent as %d..%d",
                identity.terminalId(), handled, oldIds.size(), handled + 1, replica.cursor().lastMutationId());
        return oldIds;
    }

    /**
     * Whether the first welcome of a connection comes from a hub whose store went back (restored
     * from an older copy, or replaced): it is at an earlier seq of this terminal's run than the
     * terminal applied, or it has handled fewer of this terminal's changes than the terminal
     * knows it handled, or it says the state the terminal named (its seq and tag) is not of its
     * history ({@code diverged}: the restored hub has gone on past the terminal's seq with other
     * events). None of these can happen otherwise: the hub's counts only grow, the welcome reads
     * them after everything the terminal had heard of when it connected, and tags are random.
     */
    private boolean hubWentBack(HubMessage.Welcome welcome) {
        return (welcome.runId() == cursorAtConnect.runId() && welcome.seq() < cursorAtConnect.lastSeq())
                || welcome.lastMutationId() < handledAtConnect
                || welcome.diverged();
    }

    /**
     * The hub's store went back. Its state is the one to continue from; what it confirmed after
     * the copy it went back to is lost there. The terminal drops its confirmed orders (they may
     * hold changes the hub no longer has, and the hub's seqs now mean other changes) and asks
     * for the hub's state from sequence 0, unless the welcome says {@code diverged}, which the
     * hub follows with a snapshot of its own; it re-offers every change it still holds that the
     * hub has not handled, renumbered after the hub's count so the hub takes them in order.
     * Returns the old ids of the entries that moved.
     */
    private List<Long> onHubWentBack(HubMessage.Welcome welcome, Effects out) {
        Cursor before = cursorAtConnect;
        long handled = welcome.lastMutationId();
        long known = handledAtConnect;
        outbox.reflectedAt(handled, welcome.seq());
        List<Long> oldIds = outbox.renumber(handled + 1, handled);
        replica.renumberedUpTo(outbox.lastIdAtLeast(handled));
        rebuilding.addAll(replica.forget());
        outbox.rebase(handled, replica::revision);
        rebuiltAt = welcome.seq();
        sequencer.clear();
        String diverged = welcome.diverged() && welcome.seq() >= before.lastSeq()
                ? String.format(Locale.ROOT, " (the hub's event at seq %d is not the one this terminal applied there: "
                        + "the hub has gone on since with other changes)", before.lastSeq())
                : "";
        warn(out, "terminal %s: the hub's store went back (restored from an older copy, or replaced): it is at seq %d "
                + "of run %d and has handled this terminal's changes up to %d, where this terminal had seq %d of run %d "
                + "and changes up to %d handled%s; what the hub confirmed after that copy is lost there. Taking the "
                + "hub's orders again and re-offering the %d change(s) this terminal still holds", identity.terminalId(),
                welcome.seq(), welcome.runId(), handled, before.lastSeq(), before.runId(), known, diverged,
                oldIds.size());
        if (!welcome.diverged()) {
            out.send(new ClientMessage.Sync(0));
        }
        // a hub that says diverged sends its snapshot right after the welcome: asking for the
        // state again would cost a second full transfer; either way a gap after 0 is covered
        sequencer.syncAsked(0);
        return oldIds;
    }

    // ---------------------------------------------------------------- the hub failing

    /**
     * The hub failed on a message ({@code internal}: its store is unreachable, say) and changed
     * nothing. Sending pauses, for a delay that doubles while failures go on, then starts again:
     * with the hello if it was not welcomed yet, else from the first unacknowledged mutation.
     * One warning per streak of failures; the hub handling anything ends it.
     */
    private void onHubFailed(HubMessage.Error error, Effects out) {
        if (!connected) {
            return;
        }
        if (!hubFailing) {
            hubFailing = true;
            warn(out, "terminal %s: the hub failed on %s (%s); retrying with backoff until it works again",
                    identity.terminalId(), error.ref(), error.message());
        }
        if (paused) {
            return;
        }
        paused = true;
        Duration delay = retries.next();
        LOG.debug("terminal {}: retrying in {} ms", identity.terminalId(), delay.toMillis());
        out.add(new SyncEffect.ResumeAfter(delay, generation));
    }

    /** Logs a warning and tells the application the same words. */
    private static void warn(Effects out, String format, Object... args) {
        String message = String.format(Locale.ROOT, format, args);
        LOG.warn(message);
        out.notify(new SyncEffect.Warning(message));
    }

    /** The hub handled something: a streak of failures is over. */
    private void endFailureStreak() {
        if (hubFailing) {
            hubFailing = false;
            LOG.info("terminal {}: the hub works again", identity.terminalId());
        }
        retries.reset();
    }

    /**
     * The hub dropped a message for exceeding its rate. Which one is not said, so sending stops
     * for a while (doubling up to a few seconds while it keeps happening) and then starts again
     * from the first unacknowledged mutation; the hub answers any it already had as duplicates.
     */
    private void onRateLimited(Effects out) {
        if (paused || !connected) {
            return;
        }
        paused = true;
        Duration delay = pauses.next();
        LOG.debug("terminal {}: rate limited by the hub; pausing {} ms", identity.terminalId(), delay.toMillis());
        out.add(new SyncEffect.ResumeAfter(delay, generation));
    }

    private void resume(Effects out) {
        paused = false;
        if (!welcomed) {
            sayHello(out); // the hello itself was dropped
            return;
        }
        if (sequencer.askAgain(replica.cursor())) {
            out.send(new ClientMessage.Sync(replica.cursor().lastSeq()));
        }
        outbox.rewind();
        pump(out);
    }

    /** An acknowledgement while sending flows: the next rate limit starts again at the shortest pause. */
    private void resetPause() {
        if (!paused) {
            pauses.reset();
        }
        endFailureStreak();
    }

    // ---------------------------------------------------------------- messages from the hub

    /**
     * Handles what the transport delivered, in order. Runs of events and plain acks are settled
     * once for the whole run: under load a terminal receives many events at a time, and settling
     * (dropping reflected mutations, refreshing the models the events touched) costs the same
     * for one event as for many.
     */
    private void onReceived(List<HubMessage> messages, Effects out) {
        Replica.EventBatch batch = null;
        for (HubMessage message : messages) {
            if (message instanceof HubMessage.Event event) {
                batch = batch != null ? batch : new Replica.EventBatch();
                applyEvent(event, batch, out);
            } else if (message instanceof HubMessage.Ack ack && ack.dropped().isEmpty()) {
                batch = batch != null ? batch : new Replica.EventBatch();
                outbox.acknowledge(ack.mutationId(), ack.seq());
                resetPause();
            } else {
                if (batch != null) {
                    settle(batch, false, out);
                    pump(out);
                    batch = null;
                }
                onMessage(message, out);
            }
        }
        if (batch != null) {
            settle(batch, false, out);
            pump(out);
        }
    }

    private void onMessage(HubMessage message, Effects out) {
        if (message instanceof HubMessage.Event event) {
            onEvent(event, out);
        } else if (message instanceof HubMessage.Welcome welcome) {
            onWelcome(welcome, out);
        } else if (message instanceof HubMessage.Snapshot snapshot) {
            onSnapshot(snapshot, out);
        } else if (message instanceof HubMessage.Ack ack) {
            onAck(ack, out);
        } else if (message instanceof HubMessage.Rejected rejected) {
            onRejected(rejected, out);
        } else if (message instanceof HubMessage.Resend resend) {
            if (welcomed && !paused && outbox.resendFrom(resend.expectedMutationId())) {
                pump(out);
            }
        } else if (message instanceof HubMessage.Error error) {
            if (Reason.RATE_LIMITED.equals(error.code())) {
                onRateLimited(out);
            } else if (Reason.INTERNAL.equals(error.code())) {
                onHubFailed(error, out);
            } else {
                LOG.warn("terminal {}: hub reported {} ({}) for {}", identity.terminalId(), error.code(),
                        error.message(), error.ref());
            }
        }
        // Pong: nothing to do
    }

    private void onEvent(HubMessage.Event event, Effects out) {
        Replica.EventBatch batch = new Replica.EventBatch();
        if (applyEvent(event, batch, out)) {
            settle(batch, false, out);
            pump(out);
        }
    }

    /**
     * Applies an event, and the early ones it makes applicable, into {@code batch}; the caller
     * settles the batch (once for several events). False if nothing was applied.
     */
    private boolean applyEvent(HubMessage.Event event, Replica.EventBatch batch, Effects out) {
        if (!welcomed) {
            // the welcome decides first whether this terminal's state is one the hub's events
            // follow (a hub that went back continues another history); they wait for it
            sequencer.keep(event, replica.cursor());
            return false;
        }
        switch (sequencer.offer(event, replica.cursor(), welcomed)) {
            case IGNORE:
            case HOLD:
                return false;
            case HOLD_AND_SYNC:
                out.send(new ClientMessage.Sync(replica.cursor().lastSeq()));
                return false;
            default:
                break;
        }
        HubMessage.Event next = event;
        while (next != null) {
            recordOutcome(next);
            replica.apply(next, batch);
            acknowledgeOwn(next);
            next = sequencer.next(replica.cursor());
        }
        return true;
    }

    /** Our own change coming back acknowledges it (and every lower id), even when its ack is late. */
    private void acknowledgeOwn(HubMessage.Event event) {
        Author author;
        long mutationId;
        if (event instanceof HubMessage.Change change) {
            author = change.author();
            mutationId = change.mutationId();
        } else {
            HubMessage.Removed removed = (HubMessage.Removed) event;
            author = removed.author();
            mutationId = removed.mutationId();
        }
        if (author.terminal().equals(identity.terminalId())) {
            outbox.acknowledge(mutationId, event.seq());
            resetPause();
        }
    }

    private void onSnapshot(HubMessage.Snapshot snapshot, Effects out) {
        if (!welcomed) {
            if (connected) {
                earlySnapshot = snapshot;
            }
            return;
        }
        // a fresh start: whatever could not be read before is replaced (the driver says so again if not)
        unreadable = null;
        snapshotAsked = false;
        snapshotJustTaken = true;
        Replica.EventBatch batch = new Replica.EventBatch();
        batch.touched.addAll(replica.adopt(snapshot));
        // the snapshot already holds this terminal's mutations up to its lastMutationId, even
        // those whose acks were lost: applying them again on top would count their deltas twice
        outbox.containedIn(snapshot.lastMutationId(), snapshot.seq());
        replica.handledUpTo(snapshot.lastMutationId());
        sequencer.snapshotTaken(replica.cursor());
        batch.put.addAll(replica.confirmedOrders());
        settle(batch, true, out);
        HubMessage.Event next = sequencer.next(replica.cursor());
        if (next != null) {
            onEvent(next, out);
        }
        pump(out);
    }

    private void onAck(HubMessage.Ack ack, Effects out) {
        outbox.acknowledge(ack.mutationId(), ack.seq());
        resetPause();
        Replica.EventBatch batch = new Replica.EventBatch();
        PendingMutation acked = outbox.get(ack.mutationId());
        recordDropped(acked, ack);
        String order = acked != null ? acked.order() : null;
        for (HubMessage.DroppedOp dropped : ack.dropped()) {
            if (order != null) {
                batch.touched.add(order);
            }
            out.notify(new SyncEffect.ConflictFound(
                    new Conflict(order, ack.mutationId(), dropped.op(), dropped.reason(), dropped.message())));
        }
        settle(batch, false, out);
        pump(out);
    }

    private void onRejected(HubMessage.Rejected rejected, Effects out) {
        outbox.acknowledgedUpTo(rejected.mutationId());
        endFailureStreak();
        PendingMutation pending = outbox.get(rejected.mutationId());
        if (pending == null) {
            return; // already settled (for example a rejection of an old run's change we dropped)
        }
        outbox.remove(rejected.mutationId());
        out.persist(replica.write().dequeue(rejected.mutationId()));
        out.notify(new SyncEffect.ConflictFound(new Conflict(rejected.order(), rejected.mutationId(), null,
                rejected.reason(), rejected.message())));
        refuse(pending, rejected, out);
        Replica.EventBatch batch = new Replica.EventBatch();
        batch.touched.add(pending.order());
        settle(batch, false, out);
        pump(out);
    }

    /**
     * Drops pending changes the confirmed state now holds, persists what changed, and refreshes
     * the touched orders. Nothing to persist means nothing changed that is not stored already:
     * the cursor only moves with an applied event (a put or a delete), a snapshot (a clear) or
     * a write of its own (a welcome that moved it, a local change), so an ignored event or a
     * plain ack costs no store write.
     */
    private void settle(Replica.EventBatch batch, boolean clearOrders, Effects out) {
        if (!rebuilding.isEmpty() && replica.cursor().lastSeq() >= rebuiltAt) {
            // the replica dropped for a hub that went back is whole again: every order it showed is redrawn
            batch.touched.addAll(rebuilding);
            rebuilding.clear();
            replica.rebuilt();
        }
        TerminalWrite.Builder write = replica.write();
        List<PendingMutation> reflected = outbox.dropReflected(replica.cursor().lastSeq());
        for (PendingMutation pending : reflected) {
            write.dequeue(pending.mutationId());
            batch.touched.add(pending.order());
        }
        if (clearOrders) {
            write.clearOrders();
        }
        List<HubMessage.OrderState> put = new ArrayList<>(batch.put.size());
        for (HubMessage.OrderState order : batch.put) {
            put.add(Replica.copy(order));
        }
        if (clearOrders || !reflected.isEmpty() || !put.isEmpty() || !batch.deleted.isEmpty()) {
            out.persist(write.putOrders(put).deleteOrders(batch.deleted));
        }
        if (!batch.touched.isEmpty()) {
            out.add(new SyncEffect.RefreshModels(batch.touched, batch.finalized));
        }
        confirm(reflected, out);
    }

    // ---------------------------------------------------------------- confirmations

    /**
     * Reports each mutation that left the outbox because the confirmed state holds it, after
     * the models were refreshed, so that whoever waits on it sees the order as the hub has it.
     * The revision and number are those of the hub's own event for the mutation; when the
     * mutation was settled without one (a snapshot or a welcome that contained it, an ack of a
     * duplicate) they are the order's in the confirmed state now, which may include later changes.
     */
    private void confirm(List<PendingMutation> reflected, Effects out) {
        for (PendingMutation pending : reflected) {
            long revision = pending.confirmedRevision;
            long number = pending.confirmedNumber;
            if (revision < 0) {
                HubMessage.OrderState state = replica.confirmed(pending.order());
                revision = state == null ? 0 : state.revision();
                number = state == null ? 0 : state.number();
            }
            out.add(new SyncEffect.Confirmed(pending.ticket, pending.mutationId(), pending.order(), revision,
                    Math.max(0, number), pending.dropped));
        }
    }

    private void refuse(PendingMutation pending, HubMessage.Rejected rejected, Effects out) {
        out.add(new SyncEffect.Refused(pending.ticket, pending.mutationId(), pending.order(), rejected.reason(),
                rejected.message()));
    }

    /** Keeps what the hub's event for one of this terminal's own mutations says of the order, before it applies. */
    private void recordOutcome(HubMessage.Event event) {
        if (event instanceof HubMessage.Change change && change.author().terminal().equals(identity.terminalId())) {
            PendingMutation pending = outbox.get(change.mutationId());
            if (pending != null) {
                pending.confirmedRevision = change.revision();
                pending.confirmedNumber = change.number();
            }
        } else if (event instanceof HubMessage.Removed removed
                && removed.author().terminal().equals(identity.terminalId())) {
            PendingMutation pending = outbox.get(removed.mutationId());
            if (pending != null) {
                HubMessage.OrderState before = replica.confirmed(removed.order());
                pending.confirmedRevision = removed.revision();
                pending.confirmedNumber = before == null ? 0 : before.number();
            }
        }
    }

    private static void recordDropped(PendingMutation acked, HubMessage.Ack ack) {
        if (acked != null && !ack.duplicate()) {
            acked.dropped.addAll(ack.dropped());
        }
    }

    /**
     * A change or snapshot the terminal could not decode or apply. Its models may now lag the
     * hub, so it is not in sync; listeners hear it once per streak, and a snapshot is asked for
     * once (a {@code sync} after a seq the hub cannot have reached is answered with one). When
     * the snapshot itself cannot be applied, asking again would only loop: the terminal stays in
     * this visible state until a later snapshot (after a reconnect or a new run) can be applied.
     */
    private void onUnreadable(String reason, Effects out) {
        boolean streak = unreadable != null;
        unreadable = snapshotJustTaken ? "the hub's snapshot cannot be applied: " + reason : reason;
        if (!streak) {
            LOG.warn("terminal {}: {}; asking the hub for a snapshot", identity.terminalId(), unreadable);
            out.notify(new SyncEffect.Desynced(unreadable));
        } else {
            LOG.debug("terminal {}: {}", identity.terminalId(), unreadable);
        }
        if (welcomed && !snapshotAsked && !snapshotJustTaken) {
            snapshotAsked = true;
            out.send(new ClientMessage.Sync(ASK_FOR_SNAPSHOT));
        }
    }

    /** Notes the highest seq of the current run the hub has told of; a welcome starts counting afresh. */
    private void hear(List<HubMessage> messages) {
        for (HubMessage message : messages) {
            if (message instanceof HubMessage.Welcome welcome && connected) {
                heardSeq = welcome.seq();
            } else if (message instanceof HubMessage.Event event && event.runId() == replica.cursor().runId()) {
                heardSeq = Math.max(heardSeq, event.seq());
            } else if (message instanceof HubMessage.Ack ack) {
                heardSeq = Math.max(heardSeq, ack.seq());
            } else if (message instanceof HubMessage.Snapshot snapshot) {
                heardSeq = Math.max(heardSeq, snapshot.seq());
            } else if (message instanceof HubMessage.Rejected rejected) {
                heardSeq = Math.max(heardSeq, rejected.seq());
            }
        }
    }

    /** Collects the effects of one event, in order. */
    private static final class Effects {
        final List<SyncEffect> list = new ArrayList<>();

        void add(SyncEffect effect) {
            list.add(effect);
        }

        void send(ClientMessage message) {
            list.add(new SyncEffect.Send(message));
        }

        void persist(TerminalWrite.Builder write) {
            list.add(new SyncEffect.Persist(write.build()));
        }

        void notify(SyncEffect.Notice notice) {
            list.add(new SyncEffect.Notify(notice));
        }
    }
}
