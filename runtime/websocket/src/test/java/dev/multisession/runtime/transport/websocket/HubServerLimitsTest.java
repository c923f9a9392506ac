package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Reason;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HubServerLimitsTest {

    private final MessageCodec codec = MessageCodec.instance();
    private final RecordingHub hub = new RecordingHub();
    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final String barToken = tokens.issue("bistro", "bar");
    private final String kitchenToken = tokens.issue("bistro", "kitchen");
    private RawHub raw;

    private void start(HubServer.Builder builder) throws Exception {
        raw = RawHub.start(builder, hub, tokens);
    }

    @AfterEach
    void stop() throws Exception {
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void oversizedMessageClosesWith1009AndOthersKeepWorking() throws Exception {
        start(HubServer.builder().maxMessageBytes(4096));
        RawClient.Connection bar = raw.connect(barToken);
        RawClient.Connection kitchen = raw.connect(kitchenToken);
        String big = "{\"type\":\"ping\",\"nonce\":1,\"pad\":\"" + "x".repeat(5000) + "\"}";
        bar.send(big);
        assertEquals(StatusCode.MESSAGE_TOO_LARGE, bar.closeCode.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(), hub.received);
        kitchen.send(codec.encode(new ClientMessage.Ping(7)));
        assertEquals(new HubMessage.Pong(7), codec.decodeHub(kitchen.next()));
    }

    @Test
    void binaryFrameIsAnsweredWithAnErrorAndTheConnectionStaysOpen() throws Exception {
        start(HubServer.builder());
        RawClient.Connection bar = raw.connect(barToken);
        bar.sendBinary(new byte[] {1, 2, 3});
        HubMessage.Error error = assertInstanceOf(HubMessage.Error.class, codec.decodeHub(bar.next()));
        assertEquals(Reason.MALFORMED, error.code());
        bar.send(codec.encode(new ClientMessage.Ping(1)));
        assertEquals(new HubMessage.Pong(1), codec.decodeHub(bar.next()));
        assertEquals(1, hub.received.size());
    }

    @Test
    void floodIsAnsweredRateLimitedWithoutHarmingOtherConnections() throws Exception {
        start(HubServer.builder().rateLimit(new RateLimit(50, 20, 10_000)));
        RawClient.Connection bar = raw.connect(barToken);
        RawClient.Connection kitchen = raw.connect(kitchenToken);
        int sent = 300;
        for (int i = 0; i < sent; i++) {
            bar.send(codec.encode(new ClientMessage.Ping(i)));
        }
        int pongs = 0;
        int limited = 0;
        for (int i = 0; i < sent; i++) {
            HubMessage reply = codec.decodeHub(bar.next());
            if (reply instanceof HubMessage.Pong) {
                pongs++;
            } else {
                assertEquals(Reason.RATE_LIMITED, assertInstanceOf(HubMessage.Error.class, reply).code());
                limited++;
            }
        }
        assertTrue(limited > 0, "some messages are over the rate");
        assertTrue(pongs >= 20 && pongs < sent, "the burst passes, the flood does not: " + pongs);
        assertEquals(pongs, hub.received.size(), "dropped messages never reach the hub");
        assertTrue(bar.isOpen());

        kitchen.send(codec.encode(new ClientMessage.Ping(99)));
        assertEquals(new HubMessage.Pong(99), codec.decodeHub(kitchen.next()));
    }

    @Test
    void sustainedFloodClosesWith1008() throws Exception {
        start(HubServer.builder().rateLimit(new RateLimit(10, 5, 50)));
        RawClient.Connection bar = raw.connect(barToken);
        RawClient.Connection kitchen = raw.connect(kitchenToken);
        // Burst 5 plus 50 drops ends the connection; a couple more cover the bucket refilling
        // meanwhile. Writing on after that would race the server's close frame (the client then
        // sees its own write fail, 1006) instead of testing the server.
        int enoughToTrip = 5 + 50 + 2;
        for (int i = 0; i < enoughToTrip && bar.isOpen(); i++) {
            try {
                bar.send(codec.encode(new ClientMessage.Ping(i)));
            } catch (Exception closedMeanwhile) {
                break;
            }
        }
        assertEquals(StatusCode.POLICY_VIOLATION, bar.closeCode.get(5, TimeUnit.SECONDS));
        kitchen.send(codec.encode(new ClientMessage.Ping(1)));
        assertEquals(new HubMessage.Pong(1), codec.decodeHub(kitchen.next()));
    }

    @Test
    void healthEndpointAnswersWithStatusAndConnectionCount() throws Exception {
        start(HubServer.builder());
        RawClient.Connection bar = raw.connect(barToken);
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + raw.server.port() + "/health");
        // the upgrade's answer reaches the client before the server has counted the connection
        Eventually.await(() -> http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                .body().contains("\"connections\":1"), "connection counted", 10);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElse(""));
        assertEquals("{\"status\":\"up\",\"connections\":1}", response.body());

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(health)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + raw.server.port() + "/other")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
        bar.close();
    }

    @Test
    void plainHttpOnTheWebSocketPathIsNotAnUpgrade() throws Exception {
        start(HubServer.builder());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + raw.server.port() + "/ws")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertEquals(List.of(), hub.connected);
    }
}
