package dev.multisession.runtime.operations;

import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.List;

/** Several {@link HubObserver}s as one, told in the order given (metrics and the admin page). */
public final class Observers implements HubObserver {

    private final List<HubObserver> all;

    private Observers(List<HubObserver> all) {
        this.all = all;
    }

    /** One observer that tells each of {@code observers}. */
    public static HubObserver of(HubObserver... observers) {
        return new Observers(List.of(observers));
    }

    @Override
    public void connected(TerminalIdentity terminal) {
        all.forEach(o -> o.connected(terminal));
    }

    @Override
    public void greeted(TerminalIdentity terminal, String user, CatchUp how) {
        all.forEach(o -> o.greeted(terminal, user, how));
    }

    @Override
    public void synced(TerminalIdentity terminal, CatchUp how) {
        all.forEach(o -> o.synced(terminal, how));
    }

    @Override
    public void disconnected(TerminalIdentity terminal) {
        all.forEach(o -> o.disconnected(terminal));
    }

    @Override
    public void answered(TerminalIdentity terminal, HubMessage reply) {
        all.forEach(o -> o.answered(terminal, reply));
    }

    @Override
    public void rateLimited(TerminalIdentity terminal) {
        all.forEach(o -> o.rateLimited(terminal));
    }

    @Override
    public void committed(String session, int mutations, long nanos) {
        all.forEach(o -> o.committed(session, mutations, nanos));
    }

    @Override
    public void storeFailed(String session) {
        all.forEach(o -> o.storeFailed(session));
    }

    @Override
    public void reset(String session, long runId) {
        all.forEach(o -> o.reset(session, runId));
    }
}
