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
import java.util.List;
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
    /** The hub answered {@code internal} and has not handled anything since: warned once for the streak. */
    private boolean hubFailing;
    /** The highest mutation id the hub said it handled on this connection, in the order it answered. */
    private long handledOnConnection;
    private boolean connected;
    private boolean welcomed;
    private boolean refusalReported;
    /** The hub dropped messages for exceeding its rate; sending waits until the pause ends. */
    private boolean paused;
    /** Counts connections, so that a pause set on one does nothing on the next. */
    private long generation;

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

    /** Handles one event; returns what to do about it, in order. */
    List<SyncEffect> handle(SyncEvent event) {
        Effects out = new Effects();
        if (event instanceof SyncEvent.Received received) {
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
        } else if (event instanceof SyncEvent.PauseElapsed elapsed) {
            if (elapsed.generation() == generation && paused) {
                resume(out);
            }
        }
        return out.list;
    }

    // ---------------------------------------------------------------- local changes

    private void enqueue(ClientMessage message, Effects out) {
        outbox.add(message);
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
        sayHello(out);
    }

    private void sayHello(Effects out) {
        Cursor cursor = replica.cursor();
        out.send(new ClientMessage.Hello(identity.session(), identity.terminalId(), identity.user(), cursor.runId(),
                cursor.lastSeq(), Terminal.PROTOCOL));
    }

    private void onDisconnected(String reason, Effects out) {
        boolean wasOnline = welcomed;
        connected = false;
        welcomed = false;
        paused = false;
        generation++;
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
        if (!connected) {
            return;
        }
        welcomed = true;
        handledOnConnection = welcome.lastMutationId();
        hubAnswered();
        Cursor before = replica.cursor();
        List<ClientMessage> rewritten = List.of();
        Renumbered renumbered;
        if (replica.cursor().runId() == 0) {
            renumbered = renumberOfflineChanges(welcome.lastMutationId());
            // Changes made before this terminal ever reached the hub belong to the hub's current
            // run, and so does every change made from now on: the terminal takes the run right
            // here, not when the snapshot that follows arrives, so no edit is made for run 0 while
            // it is already sending.
            replica.joinRun(welcome.runId());
            rewritten = outbox.adoptRun(welcome.runId());
        } else {
            renumbered = reofferToHubThatWentBack(welcome.lastMutationId());
        }
        replica.handledUpTo(welcome.lastMutationId()); // local state was lost: continue after the hub's count
        // handled before we reconnected: reflected by welcome.seq
        outbox.acknowledge(welcome.lastMutationId(), welcome.seq());
        if (renumbered != null) {
            out.persist(renumberedWrite(renumbered));
        } else if (!replica.cursor().equals(before)) {
            TerminalWrite.Builder write = replica.write();
            for (ClientMessage message : rewritten) {
                write.dequeue(TerminalWrite.mutationId(message)).enqueue(message); // replaced in place
            }
            out.persist(write);
        }
        outbox.restart(welcome.lastMutationId());
        pump(out);
        settle(new Replica.EventBatch(), false, out);
        out.notify(new SyncEffect.ConnectionChanged(true));
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
    }

    // ---------------------------------------------------------------- the hub failing

    /**
     * The hub failed on a message ({@code internal}: its store is unreachable, say) and changed
     * nothing. Sending pauses as for a rate limit, for a delay that doubles while failures go on,
     * then starts again: with the hello if it was not welcomed yet, else from the first
     * unacknowledged mutation. One warning per streak; the hub handling anything ends it.
     */
    private void onHubFailed(HubMessage.Error error, Effects out) {
        if (!hubFailing) {
            hubFailing = true;
            LOG.warn("terminal {}: the hub failed on {} ({}); retrying with backoff until it recovers",
                    identity.terminalId(), error.ref(), error.message());
        }
        if (paused || !connected) {
            return;
        }
        paused = true;
        Duration delay = retries.next();
        LOG.debug("terminal {}: retrying in {} ms", identity.terminalId(), delay.toMillis());
        out.add(new SyncEffect.ResumeAfter(delay, generation));
    }

    /** The hub handled something: a streak of failures is over. */
    private void hubAnswered() {
        if (hubFailing) {
            hubFailing = false;
            LOG.info("terminal {}: the hub works again", identity.terminalId());
        }
        retries.reset();
    }

    /** The hub handled this terminal's mutations up to {@code mutationId}, answering on this connection. */
    private void handled(long mutationId) {
        handledOnConnection = Math.max(handledOnConnection, mutationId);
        hubAnswered();
    }

    // ---------------------------------------------------------------- a hub that forgot, a terminal that forgot

    /**
     * A welcome for a terminal that was never welcomed with its store (run 0): its pending
     * changes were all made offline and none can have reached the hub, since nothing is sent
     * before the welcome and the welcome's run is stored before anything is sent. If the hub
     * has handled ids from this terminal already (the terminal lost its state file, or is a
     * memory-only terminal started again), those changes are renumbered after the hub's count,
     * so that none is taken for one the hub already handled. Returns the old ids, if any moved.
     */
    private Renumbered renumberOfflineChanges(long hubLastMutationId) {
        if (outbox.size() == 0 || outbox.all().iterator().next().mutationId() > hubLastMutationId) {
            return null;
        }
        List<Long> oldIds = outbox.renumber(0, hubLastMutationId);
        replica.renumberedUpTo(outbox.lastIdAtLeast(hubLastMutationId));
        LOG.warn("terminal {}: the hub has handled this terminal's changes up to {}, but this terminal's store "
                + "never reached the hub (its state was lost or replaced): its {} offline change(s) are sent as "
                + "{}..{}", identity.terminalId(), hubLastMutationId, oldIds.size(), hubLastMutationId + 1,
                replica.cursor().lastMutationId());
        return new Renumbered(oldIds, hubLastMutationId);
    }

    /**
     * A welcome from a hub that has handled fewer of this terminal's changes than the terminal
     * knows it handled: the hub's store was restored from an older copy, or replaced. Waiting
     * would wedge (the hub asks for ids the terminal counts as done), so the terminal re-offers
     * what it still holds, renumbered after the hub's count, and numbers on from there. Changes
     * the terminal no longer holds were confirmed by the hub before and are lost with its store.
     * Returns what moved, or null if the hub is not behind.
     */
    private Renumbered reofferToHubThatWentBack(long hubLastMutationId) {
        long known = outbox.knownHandled(replica.cursor().lastMutationId());
        if (hubLastMutationId >= known) {
            return null;
        }
        // what it still has up to its count it did handle: that is acknowledged as usual
        List<Long> oldIds = outbox.renumber(hubLastMutationId + 1, hubLastMutationId);
        replica.renumberedUpTo(outbox.lastIdAtLeast(hubLastMutationId));
        LOG.warn("terminal {}: the hub has handled this terminal's changes only up to {}, but it had handled {}: "
                + "its store was restored from an older copy or replaced; changes it confirmed after that copy "
                + "are lost there; re-offering the {} change(s) this terminal still holds", identity.terminalId(),
                hubLastMutationId, known, oldIds.size());
        return new Renumbered(oldIds, hubLastMutationId);
    }

    /**
     * The hub asks for {@code expected} again after it said, on this connection, that it had
     * handled it: it went back (a store restored or replaced underneath it). The terminal
     * re-offers what it holds from that id on instead of ignoring the request as stale.
     */
    private void onResendOfHandled(long expected, Effects out) {
        List<Long> oldIds = outbox.renumber(expected, expected - 1);
        replica.renumberedUpTo(outbox.lastIdAtLeast(expected - 1));
        handledOnConnection = expected - 1;
        LOG.warn("terminal {}: the hub asks again for change {} it had acknowledged: its store went back; "
                + "re-offering the {} change(s) this terminal still holds from there", identity.terminalId(),
                expected, oldIds.size());
        out.persist(renumberedWrite(new Renumbered(oldIds, expected - 1)));
        pump(out);
    }

    /** Outbox entries that got new ids after {@code after}; {@code oldIds} are the ids they had, in order. */
    private record Renumbered(List<Long> oldIds, long after) {}

    /** A store write of the counters that replaces every renumbered entry by its new self. */
    private TerminalWrite.Builder renumberedWrite(Renumbered renumbered) {
        TerminalWrite.Builder write = replica.write();
        for (long id : renumbered.oldIds()) {
            write.dequeue(id);
        }
        for (PendingMutation pending : outbox.all()) {
            if (pending.mutationId() > renumbered.after()) {
                write.enqueue(pending.message());
            }
        }
        return write;
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
                handled(ack.mutationId());
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
            if (welcomed && !paused && resend.expectedMutationId() <= handledOnConnection) {
                onResendOfHandled(resend.expectedMutationId(), out);
            } else if (welcomed && !paused && outbox.resendFrom(resend.expectedMutationId())) {
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
        handled(ack.mutationId());
        resetPause();
        Replica.EventBatch batch = new Replica.EventBatch();
        PendingMutation acked = outbox.get(ack.mutationId());
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
        handled(rejected.mutationId());
        PendingMutation pending = outbox.get(rejected.mutationId());
        if (pending == null) {
            return; // already settled (for example a rejection of an old run's change we dropped)
        }
        outbox.remove(rejected.mutationId());
        out.persist(replica.write().dequeue(rejected.mutationId()));
        out.notify(new SyncEffect.ConflictFound(new Conflict(rejected.order(), rejected.mutationId(), null,
                rejected.reason(), rejected.message())));
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
