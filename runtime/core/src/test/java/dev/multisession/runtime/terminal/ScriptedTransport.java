package dev.multisession.runtime.terminal;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * A transport the test steps by hand: messages to the hub are handled at once, messages from the
 * hub wait in an inbox until {@link #deliverAll} or {@link #deliverOne}, and either direction
 * can lose chosen messages.
 */
final class ScriptedTransport implements TerminalTransport {

    private final HubEndpoint hub;
    private final TerminalIdentity identity;
    private final MessageCodec json = MessageCodec.instance();
    private final ConcurrentLinkedQueue<HubMessage> inbox = new ConcurrentLinkedQueue<>();
    final List<ClientMessage> sent = Collections.synchronizedList(new ArrayList<>());
    volatile Predicate<ClientMessage> loseOutgoing = m -> false;
    volatile Predicate<HubMessage> loseIncoming = m -> false;
    private volatile Listener listener;
    private volatile HubConnection connection;
    private volatile boolean online = true;

    ScriptedTransport(HubEndpoint hub, TerminalIdentity identity) {
        this.hub = hub;
        this.identity = identity;
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
        if (online) {
            connect();
        }
    }

    /** Goes offline (before {@link #start}: starts offline). */
    void offline() {
        online = false;
        HubConnection old = connection;
        connection = null;
        inbox.clear();
        if (old != null) {
            old.close();
            listener.disconnected("offline");
        }
    }

    void online() {
        online = true;
        if (listener != null && connection == null) {
            connect();
        }
    }

    private void connect() {
        connection = hub.connect(identity, inbox::add);
        listener.connected();
    }

    @Override
    public boolean send(ClientMessage message) {
        HubConnection target = connection;
        if (target == null) {
            return false;
        }
        sent.add(message);
        if (loseOutgoing.test(message)) {
            return true;
        }
        try {
            target.receive(json.decodeClient(json.encode(message)));
        } catch (ProtocolException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /** Puts a message in the inbox as if the hub had sent it. */
    void inject(HubMessage message) {
        inbox.add(message);
    }

    /** Hands the next waiting message to the terminal; false if none waits. */
    boolean deliverOne() {
        HubMessage message = inbox.poll();
        if (message == null) {
            return false;
        }
        if (!loseIncoming.test(message)) {
            listener.received(message);
        }
        return true;
    }

    /** Hands over messages until none waits, including the answers they cause. */
    void deliverAll() {
        while (deliverOne()) {
            // keep going
        }
    }

    /** The mutation ids sent so far, in order. */
    List<Long> sentMutationIds() {
        List<Long> ids = new ArrayList<>();
        synchronized (sent) {
            for (ClientMessage message : sent) {
                if (message instanceof ClientMessage.Mutate mutate) {
                    ids.add(mutate.mutationId());
                } else if (message instanceof ClientMessage.Remove remove) {
                    ids.add(remove.mutationId());
                }
            }
        }
        return ids;
    }

    @Override
    public void close() {
        HubConnection old = connection;
        connection = null;
        if (old != null) {
            old.close();
        }
    }
}
