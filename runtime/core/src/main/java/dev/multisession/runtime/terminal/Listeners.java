package dev.multisession.runtime.terminal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's {@link TerminalListener}s of one terminal, and the one place that calls them. */
final class Listeners<O> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final String terminalId;
    private final List<TerminalListener<O>> listeners = new CopyOnWriteArrayList<>();

    Listeners(String terminalId) {
        this.terminalId = terminalId;
    }

    void add(TerminalListener<O> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void remove(TerminalListener<O> listener) {
        listeners.remove(listener);
    }

    void orderAdded(O order) {
        each("orderAdded", listener -> listener.orderAdded(order));
    }

    void orderUpdated(O order, Set<String> changedKeys) {
        each("orderUpdated", listener -> listener.orderUpdated(order, changedKeys));
    }

    void orderRemoved(O order, boolean finalized) {
        each("orderRemoved", listener -> listener.orderRemoved(order, finalized));
    }

    void conflict(Conflict conflict) {
        LOG.debug("terminal {}: conflict {}", terminalId, conflict);
        each("conflict", listener -> listener.conflict(conflict));
    }

    void confirmed(Confirmation confirmation) {
        each("confirmed", listener -> listener.confirmed(confirmation));
    }

    void connectionChanged(boolean online) {
        each("connectionChanged", listener -> listener.connectionChanged(online));
    }

    void unauthorized(String reason) {
        each("unauthorized", listener -> listener.unauthorized(reason));
    }

    void warning(String message) {
        each("warning", listener -> listener.warning(message));
    }

    void desynced(String reason) {
        each("desynced", listener -> listener.desynced(reason));
    }

    /**
     * Tells every listener; one that throws is logged and the others still hear it. An
     * application's bug must not stop the terminal half-way through an event: the rest of the
     * event's effects (confirmations, store writes, later messages) would be lost.
     */
    private void each(String event, Consumer<TerminalListener<O>> call) {
        for (TerminalListener<O> listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("terminal {}: listener {} failed on {}; the terminal goes on", terminalId, listener, event, e);
            }
        }
    }
}
