package dev.multisession.runtime.hub.spi;

/**
 * What a server transport needs from a hub: a connection per authenticated terminal. The
 * transport authenticates first; the hub then refuses any message naming another session.
 */
@FunctionalInterface
public interface HubEndpoint {

    /** Opens the hub's side of a connection; messages for the terminal go to {@code sink}, in order. */
    HubConnection connect(TerminalIdentity identity, MessageSink sink);

    /**
     * Whether the hub can serve terminals now (its store answers): what a load balancer's
     * readiness check asks. Never throws.
     */
    default boolean ready() {
        return true;
    }
}
