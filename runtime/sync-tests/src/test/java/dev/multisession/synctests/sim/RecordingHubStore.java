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

/** An in-memory hub store that also keeps every committed event and every order ever saved, for the checks. */
public final class RecordingHubStore implements HubStore {

    private final InMemoryHubStore store = new InMemoryHubStore();
    private final List<HubMessage.Event> committed = new ArrayList<>();
    private final Map<String, StoredOrder> everSaved = new HashMap<>();

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        List<HubMessage.Event> events = new ArrayList<>();
        List<StoredOrder> saved = new ArrayList<>();
        R result = store.inSession(session, tx -> work.run(new Recording(tx, events, saved)));
        committed.addAll(events);
        for (StoredOrder order : saved) {
            everSaved.put(order.uid(), order);
        }
        return result;
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

    private record Recording(SessionTx tx, List<HubMessage.Event> events, List<StoredOrder> saved) implements SessionTx {
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
        }

        @Override
        public TerminalCursor terminal(String terminalId) {
            return tx.terminal(terminalId);
        }

        @Override
        public void saveTerminal(String terminalId, TerminalCursor cursor) {
            tx.saveTerminal(terminalId, cursor);
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
    }
}
