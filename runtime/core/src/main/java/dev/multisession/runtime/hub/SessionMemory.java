package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.hub.spi.UnreadableOrderException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this hub node knows of its session as the store held it after the node's last commit:
 * that commit's head, and every order and terminal cursor the node has read or written since it
 * last knew nothing. Each entry is exactly the store's row at that head.
 *
 * <p>With it a batch of mutations is decided on the hub's worker, before its transaction
 * ({@link #speculate}); the transaction then only checks that the store still stands where the
 * memory says ({@link Speculation#holdsIn}) and writes. On SQLite every transaction runs on one
 * writer thread, so the reads, the parsing of stored orders, the rules' copies and the merge
 * no longer queue there. When the check fails (another node or a closed day moved the head, or an
 * order this node has not seen yet exists) the batch is decided again inside the transaction
 * against the store ({@link #readThrough}), as it always was, and the memory learns what that read.
 *
 * <p>Bounded: past {@link #MAX_ORDERS} orders (open or removed) the session is forgotten and its batches are decided
 * inside their transactions; and a session none of whose terminals is connected to the node is
 * forgotten ({@link #forget}), so the memory follows the sessions the node serves. The
 * session's batches use it one at a time; forgetting may come from any thread at any moment,
 * so every access holds the memory's lock (never while reading the store). Forgetting is always
 * safe: what is left is still the store's rows at the head, and whatever the memory does not
 * know is read from the store or checked there.
 */
final class SessionMemory {

    /** Orders (open or removed) kept per session; a session with more is decided in the store. */
    static final int MAX_ORDERS = 10_000;

    private final int maxOrders;

    /** The head of the store after the node's last commit; null when the memory knows nothing. */
    private SessionHead head;
    private final Map<String, StoredOrder> orders = new HashMap<>();
    private final Map<String, TerminalCursor> cursors = new HashMap<>();

    SessionMemory() {
        this(MAX_ORDERS);
    }

    SessionMemory(int maxOrders) {
        this.maxOrders = maxOrders;
    }

    /**
     * A view for deciding a batch before its transaction, or null when the memory knows nothing
     * to decide on.
     */
    synchronized Speculation speculate() {
        return head == null ? null : new Speculation(head);
    }

    /** A view for deciding a batch inside {@code tx}, from the memory where it still describes the store. */
    ReadThrough readThrough(SessionTx tx) {
        SessionHead txHead = tx.head();
        synchronized (this) {
            return new ReadThrough(tx, head != null && head.equals(txHead));
        }
    }

    /**
     * Learns what a committed batch read and wrote: the store now stands at {@code copy}'s saved
     * head. A batch decided by a {@link ReadThrough} that could not trust the memory replaces it.
     */
    synchronized void committed(SessionWorkingCopy copy, ReadThrough reads) {
        if (reads != null) {
            if (!reads.trusted) {
                forget();
            }
            orders.putAll(reads.orders);
            cursors.putAll(reads.cursors);
        }
        for (StoredOrder order : copy.changedOrders()) {
            orders.put(order.uid(), order);
        }
        cursors.putAll(copy.changedCursors());
        head = copy.savedHead();
        if (orders.size() > maxOrders) {
            forget();
        }
    }

    /**
     * Knows nothing any more: a transaction failed (whether it committed is not known), or no
     * terminal of the session is connected to this node.
     */
    synchronized void forget() {
        head = null;
        orders.clear();
        cursors.clear();
    }

    private synchronized StoredOrder remembered(String uid) {
        return orders.get(uid);
    }

    private synchronized TerminalCursor rememberedCursor(String terminalId) {
        return cursors.get(terminalId);
    }

    /** How many orders the memory holds (for tests). */
    synchronized int orderCount() {
        return orders.size();
    }

    /**
     * The session as the memory holds it. An order or terminal it has never seen is taken for new
     * and noted, for {@link #holdsIn} to check against the store.
     */
    final class Speculation implements SessionView {
        private final SessionHead assumedHead;
        private final Set<String> absentOrders = new LinkedHashSet<>();
        private final Set<String> newTerminals = new LinkedHashSet<>();

        private Speculation(SessionHead assumedHead) {
            this.assumedHead = assumedHead;
        }

        @Override
        public SessionHead head() {
            return assumedHead;
        }

        @Override
        public Optional<StoredOrder> order(String uid) {
            StoredOrder known;
            synchronized (SessionMemory.this) {
                known = orders.get(uid);
            }
            if (known == null) {
                absentOrders.add(uid);
            }
            return Optional.ofNullable(known);
        }

        @Override
        public TerminalCursor terminal(String terminalId) {
            TerminalCursor known;
            synchronized (SessionMemory.this) {
                known = cursors.get(terminalId);
            }
            if (known == null) {
                newTerminals.add(terminalId);
                return TerminalCursor.NONE;
            }
            return known;
        }

        /**
         * Whether the store, in {@code tx}, still holds what this view answered: the same head
         * (so nothing was committed since the memory's commit), and none of the orders and
         * terminals taken for new. Reads one row per order or terminal taken for new, none otherwise.
         */
        boolean holdsIn(SessionTx tx) {
            if (!assumedHead.equals(tx.head())) {
                return false;
            }
            for (String uid : absentOrders) {
                try {
                    if (tx.order(uid).isPresent()) {
                        return false;
                    }
                } catch (UnreadableOrderException damaged) {
                    // not absent after all: decided again against the store, where only the
                    // mutations of that order are refused, not the whole transaction
                    return false;
                }
            }
            for (String terminal : newTerminals) {
                if (!tx.terminal(terminal).equals(TerminalCursor.NONE)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The session inside its transaction: from the memory when it still describes the store
     * ({@code trusted}: the same head), from {@code tx} otherwise; keeps what it read from the store.
     */
    final class ReadThrough implements SessionView {
        private final SessionTx tx;
        private final boolean trusted;
        private final Map<String, StoredOrder> orders = new HashMap<>();
        private final Map<String, TerminalCursor> cursors = new HashMap<>();

        private ReadThrough(SessionTx tx, boolean trusted) {
            this.tx = tx;
            this.trusted = trusted;
        }

        @Override
        public SessionHead head() {
            return tx.head();
        }

        @Override
        public Optional<StoredOrder> order(String uid) {
            StoredOrder known = trusted ? remembered(uid) : null;
            if (known != null) {
                return Optional.of(known);
            }
            Optional<StoredOrder> read = tx.order(uid);
            read.ifPresent(order -> orders.put(uid, order));
            return read;
        }

        @Override
        public TerminalCursor terminal(String terminalId) {
            TerminalCursor known = trusted ? rememberedCursor(terminalId) : null;
            if (known != null) {
                return known;
            }
            TerminalCursor read = tx.terminal(terminalId);
            if (!read.equals(TerminalCursor.NONE)) {
                cursors.put(terminalId, read);
            }
            return read;
        }
    }
}
