package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/** Messages a terminal sends to the hub. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ClientMessage.Mutate.class, name = "mutate"),
    @JsonSubTypes.Type(value = ClientMessage.Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = ClientMessage.Sync.class, name = "sync"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping")
})
public sealed interface ClientMessage extends Message {

    /**
     * First message on every connection. {@code runId} is the epoch the terminal last saw
     * (0: none) and {@code lastSeq} the last sequence number it applied (0: none); the hub
     * answers {@link HubMessage.Welcome} followed by the changes since {@code lastSeq}, or by a
     * {@link HubMessage.Snapshot} when those are no longer in its log or the run changed.
     * {@code lastTag} is the {@link EventTag} of the state at {@code lastSeq} (0: nothing to
     * verify), by which the hub tells a terminal that followed another history of the session
     * (a hub restored from an older copy) from one that followed its own.
     */
    record Hello(String session, String terminal, String user, long runId, long lastSeq, int protocol, long lastTag)
            implements ClientMessage {
        public Hello {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(terminal, "terminal");
            EventTag.check(lastTag, "lastTag");
        }

        /** A hello that names no tag (nothing to verify). */
        public Hello(String session, String terminal, String user, long runId, long lastSeq, int protocol) {
            this(session, terminal, user, runId, lastSeq, protocol, EventTag.NONE);
        }

        @Override
        public String type() {
            return "hello";
        }
    }

    /**
     * Changes to one order. {@code mutationId} counts up by one per terminal across all its
     * mutations and removals; the hub applies each id once, in order. {@code baseRevision} is
     * the order's revision the terminal diffed against (0 for an order it created).
     */
    record Mutate(long mutationId, long runId, String order, long baseRevision, String user, List<Op> ops)
            implements ClientMessage {
        public Mutate {
            Objects.requireNonNull(order, "order");
            ops = List.copyOf(ops);
        }

        @Override
        public String type() {
            return "mutate";
        }
    }

    /** Removes an order: paid ({@code finalized}) or abandoned. Consumes a mutation id like {@link Mutate}. */
    record Remove(long mutationId, long runId, String order, long baseRevision, String user, boolean finalized)
            implements ClientMessage {
        public Remove {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String type() {
            return "remove";
        }
    }

    /** Asks for every change after {@code afterSeq} (sent after a gap in sequence numbers). */
    record Sync(long afterSeq) implements ClientMessage {
        @Override
        public String type() {
            return "sync";
        }
    }

    /** Keep-alive for transports without their own; answered by {@link HubMessage.Pong}. */
    record Ping(long nonce) implements ClientMessage {
        @Override
        public String type() {
            return "ping";
        }
    }
}
