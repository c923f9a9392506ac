package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A transaction a test wraps to change one call: every call goes to the wrapped one, the
 * defaulted {@link #loggedTag} too, so the wrapper changes nothing else of what the hub sees.
 */
class DelegatingSessionTx implements SessionTx {
    private final SessionTx tx;

    DelegatingSessionTx(SessionTx tx) {
        this.tx = tx;
    }

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
