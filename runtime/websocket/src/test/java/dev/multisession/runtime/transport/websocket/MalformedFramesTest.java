package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Thousands of broken frames, each answered with an error; nothing reaches the hub and others are served throughout. */
class MalformedFramesTest {

    private static final long SEED = 0x5eed_f00dL;
    private static final int FRAMES = 3000;

    private final MessageCodec codec = MessageCodec.instance();

    @Test
    void everyMalformedFrameGetsAnErrorAndTheServerKeepsServing() throws Exception {
        RecordingHub hub = new RecordingHub();
        TerminalTokens tokens = TerminalTokens.inMemory();
        String barToken = tokens.issue("bistro", "bar");
        String kitchenToken = tokens.issue("bistro", "kitchen");
        try (HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens)
                        .rateLimit(new RateLimit(1_000_000, 1_000_000, 1)).start();
                RawClient client = new RawClient()) {
            RawClient.Connection attacker = client.connect(server.loopbackUri(), barToken);
            RawClient.Connection kitchen = client.connect(server.loopbackUri(), kitchenToken);
            MalformedFrames frames = new MalformedFrames(SEED);
            Map<String, Integer> codes = new TreeMap<>();
            for (int i = 0; i < FRAMES; i++) {
                MalformedFrames.Frame frame = frames.next();
                attacker.send(frame.text());
                HubMessage reply = decode(attacker.next(), frame);
                if (!(reply instanceof HubMessage.Error error)) {
                    fail("frame " + i + " (" + frame.kind() + ") was accepted: " + frame.text() + " -> " + reply);
                    return;
                }
                codes.merge(frame.kind() + " -> " + error.code(), 1, Integer::sum);
                if (i % 500 == 0) {
                    kitchen.send(codec.encode(new ClientMessage.Ping(i)));
                    assertEquals(new HubMessage.Pong(i), codec.decodeHub(kitchen.next()));
                }
            }
            assertTrue(attacker.isOpen(), "bad messages do not cost the connection");
            assertEquals(FRAMES / 500, hub.received.size(), "only the other terminal's pings reached the hub");
            assertTrue(hub.received.stream().allMatch(r -> r.identity().terminal().equals("kitchen")));
            assertTrue(codes.keySet().stream().anyMatch(k -> k.startsWith("forged hello -> forbidden")), codes.toString());
            assertTrue(codes.keySet().stream().anyMatch(k -> k.startsWith("unknown type -> unknown_type")), codes.toString());
            assertEquals(List.of(), List.copyOf(attacker.messages), "exactly one reply per frame");
        }
    }

    private HubMessage decode(String reply, MalformedFrames.Frame frame) {
        try {
            return codec.decodeHub(reply);
        } catch (ProtocolException e) {
            throw new AssertionError("undecodable reply to " + frame.kind() + " frame: " + reply, e);
        }
    }
}
