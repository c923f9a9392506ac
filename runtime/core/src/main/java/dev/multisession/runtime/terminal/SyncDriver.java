package dev.multisession.runtime.terminal;

import dev.multisession.runtime.flow.SerialMailbox;
import dev.multisession.runtime.flow.SharedTimer;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs a terminal's {@link SyncProtocol}: hops every transport callback onto the app's executor,
 * in order (what arrives while a hop is waiting joins it, so a busy terminal handles its messages
 * in runs), hands the events to the protocol under the terminal's lock and carries out the
 * effects: sends, store writes, model refreshes, listener calls and the timer of a pause.
 *
 * <p>Effects are carried out in the order the protocol produced them, across events: an event
 * handled while effects are being carried out (a listener that edits an order, a transport that
 * answers inside {@code send}) has its effects queued behind the ones still due, so messages
 * leave and writes land in the order they were decided.
 */
final class SyncDriver<O> {

    /** The most transport events handled in one executor task; the app's own tasks run in between. */
    private static final int MAX_BATCH = 1024;

    private final SyncProtocol protocol;
    private final TerminalTransport transport;
    private final TerminalStore store;
    private final OrderModels<O> models;
    private final Listeners<O> listeners;
    private final Confirmations confirmations;
    private final Object lock;
    private final SerialMailbox<SyncEvent> inbox;
    // guarded by lock
    private final ArrayDeque<SyncEffect> due = new ArrayDeque<>();
    private boolean performing;
    private boolean closed;
    /** Why the last connection failed or dropped; null once welcomed again. */
    private volatile String lastError;

    /**
     * @param lock the terminal's lock, held by every call into this driver and the protocol
     */
    SyncDriver(String terminalId, SyncProtocol protocol, TerminalTransport transport, TerminalStore store,
            OrderModels<O> models, Listeners<O> listeners, Executor executor, Object lock) {
        this.protocol = protocol;
        this.transport = transport;
        this.store = store;
        this.models = models;
        this.listeners = listeners;
        this.confirmations = new Confirmations(terminalId);
        this.lock = lock;
        this.inbox = new SerialMailbox<>("terminal " + terminalId, executor, MAX_BATCH, this::onInbox);
    }

    /** Starts the transport; from now on its callbacks reach the protocol. */
    void start() {
        transport.start(new TransportEvents());
    }

    /**
     * Hands an event to the protocol and carries out its effects; the caller holds the lock.
     * Local changes come straight here, the transport's news through the inbox. Called while
     * effects are being carried out (from a listener, or a transport that answers inside
     * {@code send}), it queues the new effects behind the ones still due and returns. If an
     * effect throws, the ones after it stay due and go out with the next event's.
     */
    void handle(SyncEvent event) {
        if (closed) {
            return;
        }
        due.addAll(protocol.handle(event));
        performDue();
    }

    /**
     * Hands a local change to the protocol and returns the future of its confirmation, registered
     * before any effect is carried out (a transport may answer inside {@code send}); the caller
     * holds the lock.
     */
    CompletableFuture<Confirmation> submit(SyncEvent local) {
        if (closed) {
            throw new TerminalClosedException("terminal is closed");
        }
        due.addAll(protocol.handle(local));
        CompletableFuture<Confirmation> future = confirmations.await(protocol.lastTicket());
        performDue();
        return future;
    }

    /**
     * The future of the last pending change of {@code order}, or null if none is pending; the
     * caller holds the lock.
     */
    CompletableFuture<Confirmation> pendingOf(String order) {
        long ticket = protocol.pendingTicket(order);
        return ticket == 0 ? null : confirmations.await(ticket);
    }

    /** See {@link SyncStatus#lastError()}. */
    String lastError() {
        return lastError;
    }

    /** See {@link Terminal#whenSynced()}; the caller holds the lock. */
    CompletableFuture<Void> whenSynced() {
        return confirmations.whenSynced(!closed && protocol.isSynced());
    }

    private void performDue() {
        if (performing) {
            return; // the call further up the stack carries them out, after the ones before them
        }
        performing = true;
        try {
            SyncEffect effect;
            while ((effect = due.poll()) != null) {
                perform(effect);
            }
        } finally {
            performing = false;
        }
        if (protocol.isSynced()) {
            confirmations.inSync();
        }
    }

    /** Stops handling events; the caller holds the lock. Effects already due are still carried out. */
    void close() {
        closed = true;
        confirmations.close();
    }

    /** Whether {@link #close} was called; the caller holds the lock. */
    boolean isClosed() {
        return closed;
    }

    private void perform(SyncEffect effect) {
        if (effect instanceof SyncEffect.Send send) {
            transport.send(send.message());
        } else if (effect instanceof SyncEffect.Persist persist) {
            store.write(persist.write());
        } else if (effect instanceof SyncEffect.RefreshModels refresh) {
            List<String> failures = models.refresh(refresh.orders(), refresh.finalized());
            if (!failures.isEmpty()) {
                // the other orders were applied; these lag until the snapshot the protocol asks for
                handle(new SyncEvent.Unreadable(String.join("; ", failures)));
            }
        } else if (effect instanceof SyncEffect.Notify notify) {
            tell(notify.notice());
        } else if (effect instanceof SyncEffect.Outcome outcome) {
            settle(outcome);
        } else if (effect instanceof SyncEffect.ResumeAfter resume) {
            // the timer thread only hands the event over; it is handled in order with the transport's
            SharedTimer.schedule(resume.delay(), () -> inbox.offer(new SyncEvent.PauseElapsed(resume.generation())));
        }
    }

    private void settle(SyncEffect.Outcome outcome) {
        if (outcome instanceof SyncEffect.Confirmed confirmed) {
            // listeners first, so that whoever the handle wakes finds them told
            Confirmation confirmation = Confirmations.describe(confirmed);
            listeners.confirmed(confirmation);
            confirmations.confirmed(confirmed.ticket(), confirmation);
        } else if (outcome instanceof SyncEffect.Refused refused) {
            confirmations.refused(refused); // listeners heard of it as a conflict
        }
    }

    private void tell(SyncEffect.Notice notice) {
        if (notice instanceof SyncEffect.ConnectionChanged changed) {
            if (changed.online()) {
                lastError = null;
            }
            listeners.connectionChanged(changed.online());
        } else if (notice instanceof SyncEffect.ConflictFound found) {
            listeners.conflict(found.conflict());
        } else if (notice instanceof SyncEffect.CredentialsRefused refused) {
            listeners.unauthorized(refused.reason());
        } else if (notice instanceof SyncEffect.Warning warning) {
            listeners.warning(warning.message());
        } else if (notice instanceof SyncEffect.Desynced desynced) {
            listeners.desynced(desynced.reason());
        }
    }

    /** Handles a batch from the inbox; consecutive messages go to the protocol as one run. */
    private void onInbox(List<SyncEvent> events) {
        synchronized (lock) {
            List<HubMessage> run = new ArrayList<>();
            for (SyncEvent event : events) {
                if (event instanceof SyncEvent.Received received) {
                    run.addAll(received.messages());
                    continue;
                }
                if (!run.isEmpty()) {
                    handle(new SyncEvent.Received(run));
                    run = new ArrayList<>();
                }
                handle(event);
            }
            if (!run.isEmpty()) {
                handle(new SyncEvent.Received(run));
            }
        }
    }

    /** The transport's callbacks, as events in the inbox. */
    private final class TransportEvents implements TerminalTransport.Listener {
        @Override
        public void connected() {
            inbox.offer(new SyncEvent.Connected());
        }

        @Override
        public void received(HubMessage message) {
            inbox.offer(SyncEvent.Received.of(message));
        }

        @Override
        public void disconnected(String reason) {
            lastError = reason;
            inbox.offer(new SyncEvent.Disconnected(reason));
        }

        @Override
        public void unauthorized(String reason) {
            lastError = reason;
            inbox.offer(new SyncEvent.Unauthorized(reason));
        }

        @Override
        public void unreadable(String reason) {
            inbox.offer(new SyncEvent.Unreadable("a message from the hub cannot be read: " + reason));
        }
    }
}
