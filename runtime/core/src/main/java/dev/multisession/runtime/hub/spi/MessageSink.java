package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.List;

/**
 * Where the hub writes the messages for one connection, in order. Implementations must not
 * block for long (queue and write asynchronously) and must tolerate a closed peer.
 */
@FunctionalInterface
public interface MessageSink {
    void send(HubMessage message);

    /**
     * Sends several messages in this order: what the hub has for this connection at one moment
     * (a batch's answers and events). A transport may write them together, in fewer writes than
     * one per message; by default each is {@linkplain #send sent} in turn.
     */
    default void sendAll(List<? extends HubMessage> messages) {
        for (HubMessage message : messages) {
            send(message);
        }
    }

    /**
     * Closes the connection after what was sent so far, because the hub cannot serve it now
     * (its store fails): the terminal reconnects, and a load balancer that checks readiness
     * moves it to a node that can. Transports that cannot close ignore it.
     */
    default void close(String reason) {}
}
