package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
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

    /** What a {@link TerminalListener} learns, besides model changes. */
    sealed interface Notice {}

    /** The terminal is now in sync with the hub ({@code true}) or working offline ({@code false}). */
    record ConnectionChanged(boolean online) implements Notice {}

    /** A change made here was not applied, in whole or in part. */
    record ConflictFound(Conflict conflict) implements Notice {}

    /** The hub refused the terminal's credentials (once per streak of refusals). */
    record CredentialsRefused(String reason) implements Notice {}
}
