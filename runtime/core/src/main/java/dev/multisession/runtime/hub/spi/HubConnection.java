package dev.multisession.runtime.hub.spi;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.protocol.ClientMessage;

/**
 * The hub's side of one terminal's connection, obtained from {@code Hub.connect}. A transport
 * hands it every decoded message in the order received; replies and broadcasts go to the
 * {@link MessageSink} given at connect time.
 */
public interface HubConnection extends AutoCloseable {

    /** Handles one message from the terminal. Invalid messages are answered with an error and change nothing. */
    void receive(ClientMessage message);

    /** The terminal went away; it gets no more broadcasts. */
    @Override
    void close();
}
