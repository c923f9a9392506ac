package dev.multisession.runtime.hub;

import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the session has for each connection at one moment (a batch's answers and events, a read
 * of the log), kept in order per connection and then handed to each connection's sink in one
 * call, so that a transport can write them together ({@link dev.multisession.runtime.hub.spi.MessageSink#sendAll}).
 * Not thread-safe: made and sent under the {@link Broadcaster}'s monitor.
 */
final class Outgoing {

    private final Map<TerminalConnection, List<HubMessage>> byConnection = new LinkedHashMap<>();

    void add(TerminalConnection connection, HubMessage message) {
        byConnection.computeIfAbsent(connection, c -> new ArrayList<>()).add(message);
    }

    /** Hands every connection what was added for it, and starts over. */
    void send() {
        for (Map.Entry<TerminalConnection, List<HubMessage>> entry : byConnection.entrySet()) {
            List<HubMessage> messages = entry.getValue();
            if (messages.size() == 1) {
                entry.getKey().sink.send(messages.get(0));
            } else {
                entry.getKey().sink.sendAll(messages);
            }
        }
        byConnection.clear();
    }
}
