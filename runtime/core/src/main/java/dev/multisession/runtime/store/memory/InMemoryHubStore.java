package dev.multisession.runtime.store.memory;

import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link HubStore} in memory, for tests and single-JVM set-ups: a hub rebuilt on the same
 * instance continues exactly where the previous one stopped. Thread-safe, one lock per session.
 * A transaction buffers its writes and publishes them only when its work returns, so work that
 * throws leaves nothing behind. Stored JSON is copied on write; callers must not modify what
 * they read.
 */
public final class InMemoryHubStore implements HubStore {

    private static final Comparator<StoredOrder> BY_NUMBER =
            Comparator.comparingLong(StoredOrder::number).thenComparing(StoredOrder::uid);

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        Session state = sessions.computeIfAbsent(session, s -> new Session());
        state.lock.lock();
        try {
            Tx tx = new Tx(state);
            R result = work.run(tx);
            tx.commit();
            return result;
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
        Session state = sessions.get(session);
        if (state == null) {
            return List.of();
        }
        List<HubMessage.Event> events = new ArrayList<>();
        for (HubMessage.Event event : state.log.tailMap(afterSeq, false).values()) {
            if (events.size() >= limit) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    @Override
    public Optional<CommittedSession> readCommitted(String session) {
        Session state = sessions.get(session);
        return state == null ? Optional.empty() : Optional.of(state.committed());
    }

    @Override
    public Optional<SessionHead> readHead(String session) {
        Session state = sessions.get(session);
        return state == null ? Optional.empty() : Optional.of(state.head);
    }

    @Override
    public void close() {}

    private static final class Session {
        final ReentrantLock lock = new ReentrantLock();
        volatile SessionHead head = SessionHead.NEW;
        /** Concurrent, as {@link #committed} reads it without the lock. */
        final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();
        final Map<String, TerminalCursor> terminals = new HashMap<>();
        final ConcurrentNavigableMap<Long, HubMessage.Event> log = new ConcurrentSkipListMap<>();
        /** Odd while a commit is being published: a read without the lock that overlapped one reads again. */
        volatile long publishing;

        CommittedSession committed() {
            while (true) {
                long before = publishing;
                if ((before & 1) == 0) {
                    SessionHead read = head;
                    List<StoredOrder> open = new ArrayList<>();
                    for (StoredOrder order : orders.values()) {
                        if (!order.removed()) {
                            open.add(order);
                        }
                    }
                    if (publishing == before) {
                        open.sort(BY_NUMBER);
                        return new CommittedSession(read, open);
                    }
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Reads through to the session, writes into buffers published by {@link #commit()}. */
    private static final class Tx implements SessionTx {
        private final Session session;
        private SessionHead head;
        private boolean ordersCleared;
        private final Map<String, StoredOrder> orders = new LinkedHashMap<>();
        private final Map<String, TerminalCursor> terminals = new HashMap<>();
        private final List<HubMessage.Event> appended = new ArrayList<>();
        private long trimmedTo = Long.MIN_VALUE;

        Tx(Session session) {
            this.session = session;
            this.head = session.head;
        }

        @Override
        public SessionHead head() {
            return head;
        }

        @Override
        public void saveHead(SessionHead head) {
            this.head = head;
        }

        @Override
        public Optional<StoredOrder> order(String uid) {
            StoredOrder mine = orders.get(uid);
            if (mine != null || ordersCleared) {
                return Optional.ofNullable(mine);
            }
            return Optional.ofNullable(session.orders.get(uid));
        }

        @Override
        public List<StoredOrder> openOrders() {
            Map<String, StoredOrder> all = new HashMap<>();
            if (!ordersCleared) {
                all.putAll(session.orders);
            }
            all.putAll(orders);
            List<StoredOrder> open = new ArrayList<>();
            for (StoredOrder order : all.values()) {
                if (!order.removed()) {
                    open.add(order);
                }
            }
            open.sort(BY_NUMBER);
            return open;
        }

        @Override
        public void saveOrder(StoredOrder order) {
            orders.put(order.uid(), new StoredOrder(order.uid(), order.revision(), order.number(),
                    order.data().deepCopy(), order.info().deepCopy(), order.removed(), order.finalized()));
        }

        @Override
        public void deleteAllOrders() {
            ordersCleared = true;
            orders.clear();
        }

        @Override
        public TerminalCursor terminal(String terminalId) {
            TerminalCursor mine = terminals.get(terminalId);
            if (mine != null) {
                return mine;
            }
            return session.terminals.getOrDefault(terminalId, TerminalCursor.NONE);
        }

        @Override
        public void saveTerminal(String terminalId, TerminalCursor cursor) {
            terminals.put(terminalId, cursor);
        }

        @Override
        public void appendLog(HubMessage.Event event) {
            long previous = !appended.isEmpty() ? appended.get(appended.size() - 1).seq()
                    : session.log.isEmpty() ? Long.MIN_VALUE : session.log.lastKey();
            if (previous != Long.MIN_VALUE && event.seq() <= previous) {
                throw new IllegalStateException("log event " + event.seq() + " does not follow " + previous);
            }
            appended.add(event);
        }

        @Override
        public void trimLog(long seq) {
            trimmedTo = Math.max(trimmedTo, seq);
        }

        @Override
        public OptionalLong loggedTag(long seq) {
            for (HubMessage.Event event : appended) {
                if (event.seq() == seq) {
                    return OptionalLong.of(event.tag());
                }
            }
            HubMessage.Event event = seq <= trimmedTo ? null : session.log.get(seq);
            return event == null ? OptionalLong.empty() : OptionalLong.of(event.tag());
        }

        void commit() {
            session.publishing++; // only ever under the session's lock
            if (ordersCleared) {
                session.orders.clear();
            }
            session.orders.putAll(orders);
            session.terminals.putAll(terminals);
            for (HubMessage.Event event : appended) {
                session.log.put(event.seq(), event);
            }
            if (trimmedTo != Long.MIN_VALUE) {
                session.log.headMap(trimmedTo, true).clear();
            }
            session.head = head;
            session.publishing++;
        }
    }
}
