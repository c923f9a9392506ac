package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.ArrayList;
import java.util.List;

/** A terminal of session "bistro" speaking to a hub directly: it says hello and keeps every message it gets. */
final class HubPeer {

    final List<HubMessage> inbox = new ArrayList<>();
    final HubConnection connection;

    HubPeer(Hub hub, String terminal) {
        connection = hub.connect(new TerminalIdentity("bistro", terminal), inbox::add);
        connection.receive(new ClientMessage.Hello("bistro", terminal, null, 0, 0, 1));
    }

    /** The last message of this type, for example the reply to what this peer sent last. */
    <M extends HubMessage> M last(Class<M> type) {
        for (int i = inbox.size() - 1; i >= 0; i--) {
            if (type.isInstance(inbox.get(i))) {
                return type.cast(inbox.get(i));
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + inbox);
    }

    /** The last message that is not a broadcast event: the reply to what this peer sent last. */
    HubMessage lastReply() {
        for (int i = inbox.size() - 1; i >= 0; i--) {
            if (!(inbox.get(i) instanceof HubMessage.Event)) {
                return inbox.get(i);
            }
        }
        throw new AssertionError("no reply in " + inbox);
    }
}
