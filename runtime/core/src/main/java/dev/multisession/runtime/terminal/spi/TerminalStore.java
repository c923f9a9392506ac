package dev.multisession.runtime.terminal.spi;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.EventTag;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Where one terminal keeps what it must not lose when it crashes: the hub state it has
 * confirmed, its counters, and its outbox of mutations the hub has not yet reflected.
 *
 * <p>A store belongs to one terminal of one multi-session. The terminal calls {@link #load()}
 * once when it starts and {@link #write(TerminalWrite)} after every change to that state;
 * each write must be atomic and durable when it returns (the terminal may be killed right
 * after). Implementations: {@link InMemoryTerminalStore} here; SQLite in
 * {@code multisession-jdbc}. Calls come from one thread at a time.
 */
public interface TerminalStore extends AutoCloseable {

    /** The state written so far, or {@link TerminalState#EMPTY} for a terminal that never ran. */
    TerminalState load();

    /** Applies one write atomically: counters replaced, orders upserted/deleted, outbox entries added/removed. */
    void write(TerminalWrite write);

    /** Releases files and connections. */
    @Override
    default void close() {}

    /**
     * What a terminal persists.
     *
     * @param runId the epoch of the confirmed state (0: never connected)
     * @param lastSeq the last session sequence number applied to {@code confirmed}
     * @param lastMutationId the last mutation id this terminal handed out
     * @param confirmed the hub's open orders as of {@code lastSeq}
     * @param outbox {@link ClientMessage.Mutate} and {@link ClientMessage.Remove} messages the
     *     hub has not reflected yet, by ascending mutation id
     * @param lastTag the {@link dev.multisession.runtime.protocol.EventTag} of the hub's state at
     *     {@code lastSeq} (0: none)
     */
    record TerminalState(long runId, long lastSeq, long lastMutationId, List<HubMessage.OrderState> confirmed,
            List<ClientMessage> outbox, long lastTag) {

        /** A terminal that has never run. */
        public static final TerminalState EMPTY = new TerminalState(0, 0, 0, List.of(), List.of(), 0);

        public TerminalState {
            EventTag.check(lastTag, "the stored lastTag"); // else every hello would fail, far from the cause
            confirmed = List.copyOf(confirmed);
            outbox = List.copyOf(outbox);
            for (ClientMessage message : outbox) {
                TerminalWrite.checkOutboxEntry(message);
            }
        }

        /** A state without a tag. */
        public TerminalState(long runId, long lastSeq, long lastMutationId, List<HubMessage.OrderState> confirmed,
                List<ClientMessage> outbox) {
            this(runId, lastSeq, lastMutationId, confirmed, outbox, 0);
        }
    }

    /**
     * One atomic change to a {@link TerminalState}, applied in this order: counters replaced,
     * orders cleared if asked, {@code deleteOrders} deleted, {@code putOrders} upserted,
     * {@code dequeue} removed from the outbox, {@code enqueue} appended (an entry may be dequeued
     * and enqueued again with the same id in one write, replacing it). The terminal hands over
     * JSON it no longer modifies.
     *
     * @param runId the new epoch
     * @param lastSeq the new last applied sequence number
     * @param lastMutationId the new last handed-out mutation id
     * @param clearOrders delete every confirmed order first (a snapshot or a new run)
     * @param putOrders confirmed orders to insert or replace (by {@code order} uid)
     * @param deleteOrders uids of confirmed orders to delete
     * @param enqueue outbox entries to append (Mutate or Remove)
     * @param dequeue mutation ids of outbox entries to delete
     * @param lastTag the new tag of the hub's state at {@code lastSeq}
     */
    record TerminalWrite(long runId, long lastSeq, long lastMutationId, boolean clearOrders,
            List<HubMessage.OrderState> putOrders, List<String> deleteOrders, List<ClientMessage> enqueue,
            List<Long> dequeue, long lastTag) {

        public TerminalWrite {
            EventTag.check(lastTag, "lastTag");
            putOrders = List.copyOf(putOrders);
            deleteOrders = List.copyOf(deleteOrders);
            enqueue = List.copyOf(enqueue);
            dequeue = List.copyOf(dequeue);
            for (ClientMessage message : enqueue) {
                checkOutboxEntry(message);
            }
        }

        /** A write without a tag. */
        public TerminalWrite(long runId, long lastSeq, long lastMutationId, boolean clearOrders,
                List<HubMessage.OrderState> putOrders, List<String> deleteOrders, List<ClientMessage> enqueue,
                List<Long> dequeue) {
            this(runId, lastSeq, lastMutationId, clearOrders, putOrders, deleteOrders, enqueue, dequeue, 0);
        }

        /**
         * Starts a write that sets the counters to these values and, unless more is added,
         * changes nothing else.
         */
        public static Builder builder(long runId, long lastSeq, long lastMutationId) {
            return new Builder(runId, lastSeq, lastMutationId);
        }

        /** The mutation id of an outbox entry. */
        public static long mutationId(ClientMessage entry) {
            if (entry instanceof ClientMessage.Mutate mutate) {
                return mutate.mutationId();
            }
            if (entry instanceof ClientMessage.Remove remove) {
                return remove.mutationId();
            }
            throw new IllegalArgumentException("an outbox holds mutate and remove messages, not " + entry.type());
        }

        static void checkOutboxEntry(ClientMessage message) {
            Objects.requireNonNull(message, "outbox entry");
            mutationId(message);
        }

        /** Builds a {@link TerminalWrite} part by part, so that each part is named where it is written. */
        public static final class Builder {
            private final long runId;
            private final long lastSeq;
            private final long lastMutationId;
            private long lastTag;
            private boolean clearOrders;
            private final List<HubMessage.OrderState> putOrders = new ArrayList<>();
            private final List<String> deleteOrders = new ArrayList<>();
            private final List<ClientMessage> enqueue = new ArrayList<>();
            private final List<Long> dequeue = new ArrayList<>();

            private Builder(long runId, long lastSeq, long lastMutationId) {
                this.runId = runId;
                this.lastSeq = lastSeq;
                this.lastMutationId = lastMutationId;
            }

            /** Sets the tag of the hub's state at {@code lastSeq} (0 unless set). */
            public Builder lastTag(long tag) {
                lastTag = tag;
                return this;
            }

            /** Deletes every confirmed order before the rest of the write (a snapshot or a new run). */
            public Builder clearOrders() {
                clearOrders = true;
                return this;
            }

            /** Inserts or replaces confirmed orders; the store may keep the JSON as given. */
            public Builder putOrders(Collection<HubMessage.OrderState> orders) {
                putOrders.addAll(orders);
                return this;
            }

            /** Deletes confirmed orders by uid. */
            public Builder deleteOrders(Collection<String> uids) {
                deleteOrders.addAll(uids);
                return this;
            }

            /** Appends an outbox entry, or replaces the one with its id when that is also dequeued. */
            public Builder enqueue(ClientMessage entry) {
                checkOutboxEntry(entry);
                enqueue.add(entry);
                return this;
            }

            /** Removes the outbox entry with this mutation id. */
            public Builder dequeue(long mutationId) {
                dequeue.add(mutationId);
                return this;
            }

            public TerminalWrite build() {
                return new TerminalWrite(runId, lastSeq, lastMutationId, clearOrders, putOrders, deleteOrders, enqueue,
                        dequeue, lastTag);
            }
        }
    }
}
