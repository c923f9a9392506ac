package dev.multisession.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTerminalTransportTest {

    /** A transport that records what it is asked and hands its listener to the test. */
    private static final class Fake implements TerminalTransport {
        final List<String> calls = new ArrayList<>();
        Listener listener;

        @Override
        public void start(Listener listener) {
            this.listener = listener;
            calls.add("start");
        }

        @Override
        public boolean send(ClientMessage message) {
            calls.add("send " + message.type());
            return true;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void passesEveryCallOnIncludingARefusedToken() {
        Fake fake = new Fake();
        List<String> heard = new ArrayList<>();
        List<String> watched = new ArrayList<>();
        TerminalTransport transport = new ForwardingTerminalTransport(fake) {
            @Override
            protected Listener listen(Listener terminal) {
                return new ForwardingListener(terminal) {
                    @Override
                    public void received(HubMessage message) {
                        watched.add(message.type());
                        super.received(message);
                    }
                };
            }
        };

        transport.start(new TerminalTransport.Listener() {
            @Override
            public void connected() {
                heard.add("connected");
            }

            @Override
            public void received(HubMessage message) {
                heard.add("received " + message.type());
            }

            @Override
            public void disconnected(String reason) {
                heard.add("disconnected " + reason);
            }

            @Override
            public void unauthorized(String reason) {
                heard.add("unauthorized " + reason);
            }
        });
        fake.listener.connected();
        fake.listener.received(new HubMessage.Pong(7));
        fake.listener.unauthorized("unauthorized: bad token");
        fake.listener.disconnected("gone");
        assertTrue(transport.send(new ClientMessage.Ping(1)));
        transport.close();

        assertEquals(List.of("connected", "received pong", "unauthorized unauthorized: bad token", "disconnected gone"),
                heard);
        assertEquals(List.of("pong"), watched);
        assertEquals(List.of("start", "send ping", "close"), fake.calls);
    }
}
