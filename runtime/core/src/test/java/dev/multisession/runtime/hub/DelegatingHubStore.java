package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory hub store that a test wraps to count, slow down or fail its calls: every call
 * goes to {@link #delegate}, so a subclass overrides only the calls it watches.
 */
abstract class DelegatingHubStore implements HubStore {
    final InMemoryHubStore delegate = new InMemoryHubStore();

    @Override
    public <R> R inSession(String session, SessionWork<R> work) {
        return delegate.inSession(session, work);
    }

    @Override
    public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
        return delegate.readLog(session, afterSeq, limit);
    }

    @Override
    public Optional<CommittedSession> readCommitted(String session) {
        return delegate.readCommitted(session);
    }

    @Override
    public Optional<SessionHead> readHead(String session) {
        return delegate.readHead(session);
    }

    @Override
    public void close() {}
}
