package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.MessageSink;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Messages handed over together ({@link MessageSink#sendAll}) go through Jetty's batched writes
 * on a real socket: each still arrives as a message of its own, in order, small and large
 * alike (Jetty writes a large frame outside its batch buffer), runs longer than
 * {@link OutboundQueue#MAX_RUN} included.
 */
class BatchedWritesTest {

    private final MessageCodec codec = MessageCodec.instance();
    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final String token = tokens.issue("bistro", "bar");
    private RawHub raw;

    /** Answers a ping with {@code nonce} messages in one hand-over: pongs, every tenth a long error. */
    private static final class BurstHub implements HubEndpoint {
        @Override
        public HubConnection connect(TerminalIdentity identity, MessageSink sink) {
            return new HubConnection() {
                @Override
                public void receive(ClientMessage message) {
                    if (message instanceof ClientMessage.Ping ping) {
                        sink.sendAll(burst((int) ping.nonce()));
                    }
                }

                @Override
                public void close() {}
            };
        }
    }

    private static List<HubMessage> burst(int count) {
        List<HubMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(i % 10 == 9 ? new HubMessage.Error(Reason.INTERNAL, i + " " + "x".repeat(3000), null)
                    : new HubMessage.Pong(i));
        }
        return messages;
    }

    @AfterEach
    void stop() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void aFrameWithMoreToFollowWaitsForTheFrameThatEndsItsRun() throws Exception {
        raw = RawHub.start(HubServer.builder(), new BurstHub(), tokens);
        RawClient.Connection connection = raw.connect(token);
        TextFrames frames = TextFrames.of(connection.session());
        String ping = codec.encode(new ClientMessage.Ping(1));
        frames.send(ping, true, Callback.NOOP);
        assertNull(connection.messages.poll(300, TimeUnit.MILLISECONDS), "held back in Jetty's batch, not written");
        frames.send(ping, false, Callback.NOOP);
        assertEquals(new HubMessage.Pong(0), codec.decodeHub(connection.next()));
        assertEquals(new HubMessage.Pong(0), codec.decodeHub(connection.next()));
    }

    @Test
    void messagesHandedOverTogetherArriveEachAloneInOrder() throws Exception {
        raw = RawHub.start(HubServer.builder(), new BurstHub(), tokens);
        RawClient.Connection connection = raw.connect(token);
        for (int count : new int[] {1, 2, 30, OutboundQueue.MAX_RUN * 3 + 5}) {
            connection.send(codec.encode(new ClientMessage.Ping(count)));
            for (HubMessage expected : burst(count)) {
                assertEquals(expected, codec.decodeHub(connection.next()));
            }
        }
    }
}
