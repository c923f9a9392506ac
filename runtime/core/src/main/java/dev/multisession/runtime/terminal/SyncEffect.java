package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a terminal's {@link SyncProtocol} asks its driver to do, in the order given. */
sealed interface SyncEffect {

    /** Sends a message if connected; a message that finds no connection is re-sent after the next welcome. */
    record Send(ClientMessage message) implements SyncEffect {
        public Send {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Writes to the terminal's store. */
    record Persist(TerminalWrite write) implements SyncEffect {
        public Persist {
            Objects.requireNonNull(write, "write");
        }
    }

    /**
     * Brings the model objects of {@code orders} to what the replica shows now and tells the
     * listeners; {@code finalized} says which of the removals among them were payments.
     */
    record RefreshModels(Set<String> orders, Map<String, Boolean> finalized) implements SyncEffect {
        public RefreshModels {
            orders = Collections.unmodifiableSet(new LinkedHashSet<>(orders)); // in order: models appear in it
            finalized = Map.copyOf(finalized);
        }
    }

    /** Tells the app's listeners. */
    record Notify(Notice notice) implements SyncEffect {
        public Notify {
            Objects.requireNonNull(notice, "notice");
        }
    }

    /** Hands {@link SyncEvent.PauseElapsed PauseElapsed(generation)} back after {@code delay}. */
    record ResumeAfter(Duration delay, long generation) implements SyncEffect {
        public ResumeAfter {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /**
     * What became of one of this terminal's mutations: it left the outbox, either because the
     * confirmed state now holds it ({@link Confirmed}) or because the hub refused it
     * ({@link Refused}). Every mutation that leaves the outbox gives exactly one. {@code ticket}
     * is the outbox entry's {@link PendingMutation#ticket}, which {@link Edit} handles wait on.
     */
    sealed interface Outcome extends SyncEffect {
        long ticket();

        long mutationId();
    }

    /**
     * The hub applied mutation {@code mutationId} and this terminal's confirmed state holds it;
     * {@code revision} and {@code number} are the order's at the hub (0 for a removed order's
     * number when the hub's event was not seen), {@code dropped} the operations the hub left out.
     */
    record Confirmed(long ticket, long mutationId, String order, long revision, long number,
            List<HubMessage.DroppedOp> dropped) implements Outcome {
        public Confirmed {
            Objects.requireNonNull(order, "order");
            dropped = List.copyOf(dropped);
        }
    }

    /** The hub refused mutation {@code mutationId} as a whole; nothing of it was applied. */
    record Refused(long ticket, long mutationId, String order, String reason, String message)
            implements Outcome {}

    /** What a {@link TerminalListener} learns, besides model changes. */
    sealed interface Notice {}

    /** The terminal is now in sync with the hub ({@code true}) or working offline ({@code false}). */
    record ConnectionChanged(boolean online) implements Notice {}

    /** A change made here was not applied, in whole or in part. */
    record ConflictFound(Conflict conflict) implements Notice {}

    /** The hub refused the terminal's credentials (once per streak of refusals). */
    record CredentialsRefused(String reason) implements Notice {}

    /** Something the terminal is recovering from by itself, which it also logs as a warning. */
    record Warning(String message) implements Notice {}

    /** The terminal cannot show the hub's state until a snapshot it can read arrives (once per streak). */
    record Desynced(String reason) implements Notice {}
}
