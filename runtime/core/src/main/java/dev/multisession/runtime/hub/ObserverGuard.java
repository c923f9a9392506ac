package dev.multisession.runtime.hub;

import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the application's {@link HubObserver} so that a failing one never disturbs the hub: its
 * first exception is logged with the stack, the following ones at debug level.
 */
final class ObserverGuard implements HubObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ObserverGuard.class);

    private final HubObserver observer;
    private final AtomicBoolean warned = new AtomicBoolean();

    ObserverGuard(HubObserver observer) {
        this.observer = observer;
    }

    @Override
    public void connected(TerminalIdentity terminal) {
        guard(() -> observer.connected(terminal));
    }

    @Override
    public void greeted(TerminalIdentity terminal, String user, CatchUp how) {
        guard(() -> observer.greeted(terminal, user, how));
    }

    @Override
    public void synced(TerminalIdentity terminal, CatchUp how) {
        guard(() -> observer.synced(terminal, how));
    }

    @Override
    public void disconnected(TerminalIdentity terminal) {
        guard(() -> observer.disconnected(terminal));
    }

    @Override
    public void answered(TerminalIdentity terminal, HubMessage reply) {
        guard(() -> observer.answered(terminal, reply));
    }

    @Override
    public void rateLimited(TerminalIdentity terminal) {
        guard(() -> observer.rateLimited(terminal));
    }

    @Override
    public void committed(String session, int mutations, long nanos) {
        guard(() -> observer.committed(session, mutations, nanos));
    }

    @Override
    public void storeFailed(String session) {
        guard(() -> observer.storeFailed(session));
    }

    @Override
    public void reset(String session, long runId) {
        guard(() -> observer.reset(session, runId));
    }

    private void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("the hub observer {} failed; the hub goes on (further failures at debug level)",
                        observer.getClass().getName(), e);
            } else {
                LOG.debug("the hub observer failed", e);
            }
        }
    }
}
