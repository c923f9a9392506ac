package dev.multisession.runtime.terminal;

import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import java.util.List;
import java.util.Objects;

/** What can happen to a terminal's {@link SyncProtocol}: the transport's news, a local change, a pause ending. */
sealed interface SyncEvent {

    /** A connection is up (again). */
    record Connected() implements SyncEvent {}

    /** The connection dropped or could not be made; the transport keeps trying. */
    record Disconnected(String reason) implements SyncEvent {}

    /** The hub refused the terminal's credentials; the transport keeps trying. */
    record Unauthorized(String reason) implements SyncEvent {}

    /**
     * Messages from the hub, in the order they arrived. A run of several is handled as one: the
     * effects of its events and plain acks are settled once for the whole run.
     */
    record Received(List<HubMessage> messages) implements SyncEvent {
        public Received {
            messages = List.copyOf(messages);
        }

        static Received of(HubMessage... messages) {
            return new Received(List.of(messages));
        }
    }

    /** App code changed an order: {@code ops} (never empty) go into the outbox as one mutation. */
    record LocalEdit(String order, List<Op> ops) implements SyncEvent {
        public LocalEdit {
            Objects.requireNonNull(order, "order");
            ops = List.copyOf(ops);
        }
    }

    /** App code removed an order: paid ({@code finalized}) or abandoned. */
    record LocalRemove(String order, boolean finalized) implements SyncEvent {
        public LocalRemove {
            Objects.requireNonNull(order, "order");
        }
    }

    /**
     * A message from the hub could not be decoded, or a change could not be applied to the model
     * objects; {@code reason} says which and why.
     */
    record Unreadable(String reason) implements SyncEvent {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The pause asked for by a {@link SyncEffect.ResumeAfter} of connection {@code generation} is over. */
    record PauseElapsed(long generation) implements SyncEvent {}
}
