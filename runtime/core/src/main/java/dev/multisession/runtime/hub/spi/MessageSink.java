package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.protocol.HubMessage;

/**
 * Where the hub writes the messages for one connection, in order. Implementations must not
 * block for long (queue and write asynchronously) and must tolerate a closed peer.
 */
@FunctionalInterface
public interface MessageSink {
    void send(HubMessage message);
}
