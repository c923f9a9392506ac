package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.protocol.HubMessage;

/**
 * Where the hub writes the messages for one connection, in order. Implementations must not
 * block for long (queue and write asynchronously) and must tolerate a closed peer.
 */
@FunctionalInterface
public interface MessageSink {
    void send(HubMessage message);

    /**
     * Closes the connection after what was sent so far, because the hub cannot serve it now
     * (its store fails): the terminal reconnects, and a load balancer that checks readiness
     * moves it to a node that can. Transports that cannot close ignore it.
     */
    default void close(String reason) {}
}
