package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in hub that records what reaches it and answers the minimum: welcome to hello, pong
 * to ping, ack to mutate. Lets server tests check that refused input never reaches a hub.
 */
final class RecordingHub implements HubEndpoint {

    record Received(TerminalIdentity identity, ClientMessage message) {}

    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<TerminalIdentity> connected = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public HubConnection connect(TerminalIdentity identity, MessageSink sink) {
        connected.add(identity);
        return new HubConnection() {
            @Override
            public void receive(ClientMessage message) {
                received.add(new Received(identity, message));
                if (message instanceof ClientMessage.Hello) {
                    sink.send(new HubMessage.Welcome(identity.session(), identity.terminal(), 1, 0, 0));
                } else if (message instanceof ClientMessage.Ping ping) {
                    sink.send(new HubMessage.Pong(ping.nonce()));
                } else if (message instanceof ClientMessage.Mutate mutate) {
                    sink.send(new HubMessage.Ack(mutate.mutationId(), 0, false, List.of()));
                }
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }
}
