package dev.multisession.runtime.terminal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
        for (TerminalListener<O> listener : listeners) {
            listener.orderAdded(order);
        }
    }

    void orderUpdated(O order, Set<String> changedKeys) {
        for (TerminalListener<O> listener : listeners) {
            listener.orderUpdated(order, changedKeys);
        }
    }

    void orderRemoved(O order, boolean finalized) {
        for (TerminalListener<O> listener : listeners) {
            listener.orderRemoved(order, finalized);
        }
    }

    void conflict(Conflict conflict) {
        LOG.debug("terminal {}: conflict {}", terminalId, conflict);
        for (TerminalListener<O> listener : listeners) {
            listener.conflict(conflict);
        }
    }

    void confirmed(Confirmation confirmation) {
        for (TerminalListener<O> listener : listeners) {
            listener.confirmed(confirmation);
        }
    }

    void connectionChanged(boolean online) {
        for (TerminalListener<O> listener : listeners) {
            listener.connectionChanged(online);
        }
    }

    void unauthorized(String reason) {
        for (TerminalListener<O> listener : listeners) {
            listener.unauthorized(reason);
        }
    }
}
