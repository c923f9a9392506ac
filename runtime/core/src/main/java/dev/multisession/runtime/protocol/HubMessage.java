package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** Messages the hub sends to a terminal. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HubMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = HubMessage.Change.class, name = "change"),
    @JsonSubTypes.Type(value = HubMessage.Removed.class, name = "removed"),
    @JsonSubTypes.Type(value = HubMessage.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = HubMessage.Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = HubMessage.Resend.class, name = "resend"),
    @JsonSubTypes.Type(value = HubMessage.Snapshot.class, name = "snapshot"),
    @JsonSubTypes.Type(value = HubMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = HubMessage.Pong.class, name = "pong")
})
public sealed interface HubMessage extends Message {

    /** A hub message that carries a session sequence number and is kept in the hub's log. */
    sealed interface Event extends HubMessage {
        long seq();

        /** The event's identity ({@link EventTag}); 0 for an event stored before tags existed. */
        long tag();

        /** The same event with another tag. */
        Event withTag(long tag);

        long runId();

        String order();
    }

    /**
     * Answer to {@link ClientMessage.Hello}: the session's current epoch and sequence, and the
     * last mutation id the hub applied from this terminal (a terminal that lost its state
     * continues numbering after it). {@code diverged} says that the event the terminal named in
     * its hello ({@code lastSeq} and {@code lastTag}) is not this hub's event at that seq: the
     * hub's store went back and has gone on since, so the terminal's copy is not a part of this
     * hub's history; a snapshot follows.
     */
    record Welcome(String session, String terminal, long runId, long seq, long lastMutationId, boolean diverged)
            implements HubMessage {

        /** A welcome that says nothing of divergence. */
        public Welcome(String session, String terminal, long runId, long seq, long lastMutationId) {
            this(session, terminal, runId, seq, lastMutationId, false);
        }

        @Override
        public String type() {
            return "welcome";
        }
    }

    /**
     * An accepted mutation, broadcast to every terminal of the session (its origin included)
     * with the operations the hub actually applied. {@code number} is the order's shared
     * number, assigned on its first accepted change; {@code revision} its new revision.
     */
    record Change(long seq, long runId, String order, long revision, long number, Author author,
            long mutationId, List<Op> ops, long tag) implements Event {
        public Change {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(author, "author");
            ops = List.copyOf(ops);
            EventTag.check(tag, "tag");
        }

        /** A change without a tag (the hub tags it when it keeps it). */
        public Change(long seq, long runId, String order, long revision, long number, Author author,
                long mutationId, List<Op> ops) {
            this(seq, runId, order, revision, number, author, mutationId, ops, EventTag.NONE);
        }

        @Override
        public Change withTag(long tag) {
            return new Change(seq, runId, order, revision, number, author, mutationId, ops, tag);
        }

        @Override
        public String type() {
            return "change";
        }
    }

    /** An order was removed: paid ({@code finalized}) or abandoned. Broadcast like {@link Change}. */
    record Removed(long seq, long runId, String order, long revision, Author author, long mutationId,
            boolean finalized, long tag) implements Event {
        public Removed {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(author, "author");
            EventTag.check(tag, "tag");
        }

        /** A removal without a tag (the hub tags it when it keeps it). */
        public Removed(long seq, long runId, String order, long revision, Author author, long mutationId,
                boolean finalized) {
            this(seq, runId, order, revision, author, mutationId, finalized, EventTag.NONE);
        }

        @Override
        public Removed withTag(long tag) {
            return new Removed(seq, runId, order, revision, author, mutationId, finalized, tag);
        }

        @Override
        public String type() {
            return "removed";
        }
    }

    /**
     * Tells the sender that every mutation up to {@code mutationId} has been handled and that
     * their effects are in the session's state as of sequence {@code seq}. {@code dropped}
     * lists operations of mutation {@code mutationId} the hub could not apply (for example an
     * edit of a line another terminal removed), each with its reason.
     */
    record Ack(long mutationId, long seq, boolean duplicate, List<DroppedOp> dropped) implements HubMessage {
        public Ack {
            dropped = List.copyOf(dropped);
        }

        @Override
        public String type() {
            return "ack";
        }
    }

    /** An operation the hub refused, and why ({@link Reason}). */
    record DroppedOp(Op op, String reason, String message) {
        public DroppedOp {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A mutation or removal refused as a whole; it still consumes its id. {@code reason} is one
     * of {@link Reason}'s codes.
     */
    record Rejected(long mutationId, String order, String reason, String message, long seq) implements HubMessage {
        @Override
        public String type() {
            return "rejected";
        }
    }

    /**
     * The hub expected mutation {@code expectedMutationId} from this terminal but got a later
     * one; the terminal re-sends its outbox from that id.
     */
    record Resend(long expectedMutationId) implements HubMessage {
        @Override
        public String type() {
            return "resend";
        }
    }

    /**
     * The whole open state of the session at {@code seq}: sent instead of the log when the
     * terminal is too far behind or the run changed. Terminals drop orders not in it (except
     * ones they created and have not sent yet). {@code lastMutationId} is the last mutation id
     * the hub had handled from the receiving terminal when it read the state (read in the same
     * transaction): every mutation of that terminal up to it is already in {@code orders}.
     * {@code tag} is the tag of the session's state at {@code seq} (its last event's, or the
     * day's close), which the terminal names in its next hello.
     */
    record Snapshot(long runId, long seq, long lastMutationId, List<OrderState> orders, long tag)
            implements HubMessage {
        public Snapshot {
            orders = List.copyOf(orders);
            EventTag.check(tag, "tag");
        }

        /** A snapshot without a tag. */
        public Snapshot(long runId, long seq, long lastMutationId, List<OrderState> orders) {
            this(runId, seq, lastMutationId, orders, EventTag.NONE);
        }

        @Override
        public String type() {
            return "snapshot";
        }
    }

    /**
     * One open order as the hub holds it: {@code data} is the order's JSON, {@code info} who
     * created and last changed it and each of its collection elements (see docs/PROTOCOL.md).
     */
    record OrderState(String order, long revision, long number, ObjectNode data, ObjectNode info) {
        public OrderState {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(info, "info");
        }
    }

    /** A message could not be handled; nothing was changed. {@code code} is one of {@link Reason}'s. */
    record Error(String code, String message, String ref) implements HubMessage {
        @Override
        public String type() {
            return "error";
        }
    }

    /** Answer to {@link ClientMessage.Ping}. */
    record Pong(long nonce) implements HubMessage {
        @Override
        public String type() {
            return "pong";
        }
    }
}
