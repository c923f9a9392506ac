package dev.multisession.synctests.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An in-memory hub store that also keeps every committed event and every order ever saved, for
 * the checks, and can be backed up and restored from that backup (an operator restoring the
 * hub's file from an older copy).
 */
public final class RecordingHubStore implements HubStore {

    private InMemoryHubStore store = new InMemoryHubStore();
    private final List<HubMessage.Event> committed = new ArrayList<>();
    private final Map<String, StoredOrder> everSaved = new HashMap<>();
    /** What the store holds now, per session: every order (tombstones too) and terminal cursor. */
    private final Map<String, Map<String, StoredOrder>> current = new HashMap<>();
    private final Map<String, Map<String, TerminalCursor>> cursors = new HashMap<>();

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        List<HubMessage.Event> events = new ArrayList<>();
        List<StoredOrder> saved = new ArrayList<>();
        Map<String, TerminalCursor> moved = new HashMap<>();
        int[] clearedAt = {-1};
        R result = store.inSession(session, tx -> work.run(new Recording(tx, events, saved, moved, clearedAt)));
        committed.addAll(events);
        Map<String, StoredOrder> orders = current.computeIfAbsent(session, s -> new HashMap<>());
        if (clearedAt[0] >= 0) {
            orders.clear();
        }
        for (int i = 0; i < saved.size(); i++) {
            everSaved.put(saved.get(i).uid(), saved.get(i));
            if (i >= clearedAt[0]) {
                orders.put(saved.get(i).uid(), saved.get(i));
            }
        }
        cursors.computeIfAbsent(session, s -> new HashMap<>()).putAll(moved);
        return result;
    }

    /** A copy of everything the store holds now, and of what the checks know at this point. */
    public Backup backup() {
        Map<String, SessionCopy> sessions = new HashMap<>();
        for (String session : current.keySet()) {
            SessionHead head = store.inSession(session, SessionTx::head);
            List<HubMessage.Event> log = store.readLog(session, Math.max(0, head.logFloor() - 1), Integer.MAX_VALUE);
            sessions.put(session, new SessionCopy(head, Map.copyOf(current.get(session)),
                    Map.copyOf(cursors.getOrDefault(session, Map.of())), List.copyOf(log)));
        }
        return new Backup(sessions, committed.size(), Map.copyOf(everSaved));
    }

    /**
     * Replaces everything by {@code backup}, as an operator who restores the hub's file from it
     * does (with no hub running on the store). The record of commits goes back with it: what
     * was committed after the backup is lost.
     */
    public void restore(Backup backup) {
        store = new InMemoryHubStore();
        current.clear();
        cursors.clear();
        for (Map.Entry<String, SessionCopy> entry : backup.sessions().entrySet()) {
            SessionCopy copy = entry.getValue();
            store.inSession(entry.getKey(), tx -> {
                copy.orders().values().forEach(tx::saveOrder);
                copy.cursors().forEach(tx::saveTerminal);
                copy.log().forEach(tx::appendLog);
                tx.saveHead(copy.head());
                return null;
            });
            current.put(entry.getKey(), new HashMap<>(copy.orders()));
            cursors.put(entry.getKey(), new HashMap<>(copy.cursors()));
        }
        committed.subList(backup.committed(), committed.size()).clear();
        everSaved.clear();
        everSaved.putAll(backup.everSaved());
    }

    /** One session as a backup holds it. */
    public record SessionCopy(SessionHead head, Map<String, StoredOrder> orders, Map<String, TerminalCursor> cursors,
            List<HubMessage.Event> log) {}

    /** A copy of the store, with the number of events committed and the orders saved up to it. */
    public record Backup(Map<String, SessionCopy> sessions, int committed, Map<String, StoredOrder> everSaved) {

        /** The hub's count of a terminal's mutations in the backup. */
        public long handled(String session, String terminal) {
            SessionCopy copy = sessions.get(session);
            return copy == null ? 0 : copy.cursors().getOrDefault(terminal, TerminalCursor.NONE).lastMutationId();
        }
    }

    @Override
    public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
        return store.readLog(session, afterSeq, limit);
    }

    @Override
    public Optional<CommittedSession> readCommitted(String session) {
        return store.readCommitted(session);
    }

    @Override
    public void close() {
        store.close();
    }

    /** Every event the hub committed, in commit order. */
    public List<HubMessage.Event> committed() {
        return committed;
    }

    /** The last saved version of every order, tombstones included. */
    public Map<String, StoredOrder> everSaved() {
        return everSaved;
    }

    /** The session's open orders as stored now. */
    public List<StoredOrder> openOrders(String session) {
        return store.inSession(session, SessionTx::openOrders);
    }

    private record Recording(SessionTx tx, List<HubMessage.Event> events, List<StoredOrder> saved,
            Map<String, TerminalCursor> moved, int[] clearedAt) implements SessionTx {
        @Override
        public SessionHead head() {
            return tx.head();
        }

        @Override
        public void saveHead(SessionHead head) {
            tx.saveHead(head);
        }

        @Override
        public Optional<StoredOrder> order(String uid) {
            return tx.order(uid);
        }

        @Override
        public List<StoredOrder> openOrders() {
            return tx.openOrders();
        }

        @Override
        public void saveOrder(StoredOrder order) {
            tx.saveOrder(order);
            saved.add(new StoredOrder(order.uid(), order.revision(), order.number(), (ObjectNode) order.data().deepCopy(),
                    order.info().deepCopy(), order.removed(), order.finalized()));
        }

        @Override
        public void deleteAllOrders() {
            tx.deleteAllOrders();
            clearedAt[0] = saved.size();
        }

        @Override
        public TerminalCursor terminal(String terminalId) {
            return tx.terminal(terminalId);
        }

        @Override
        public void saveTerminal(String terminalId, TerminalCursor cursor) {
            tx.saveTerminal(terminalId, cursor);
            moved.put(terminalId, cursor);
        }

        @Override
        public void appendLog(HubMessage.Event event) {
            tx.appendLog(event);
            events.add(event);
        }

        @Override
        public void trimLog(long seq) {
            tx.trimLog(seq);
        }

        @Override
        public OptionalLong loggedTag(long seq) {
            return tx.loggedTag(seq);
        }
    }
}
