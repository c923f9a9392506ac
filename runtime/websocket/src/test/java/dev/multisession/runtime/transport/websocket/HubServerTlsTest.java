package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubServerTlsTest {

    @TempDir
    static Path dir;

    private static TestKeyStores stores;

    @BeforeAll
    static void makeKeyStores() throws Exception {
        stores = TestKeyStores.create(dir);
    }

    @Test
    void terminalConnectsOverTlsWithItsTrustStore() throws Exception {
        RecordingHub hub = new RecordingHub();
        TerminalTokens tokens = TerminalTokens.inMemory();
        String token = tokens.issue("bistro", "bar");
        try (HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens)
                .tls(stores.server).start()) {
            assertTrue(server.loopbackUri().toString().startsWith("wss://localhost:"));
            try (WebSocketTerminalTransport transport = WebSocketTerminalTransport.builder(server.loopbackUri(), token)
                    .trustStore(stores.trust).build()) {
                RecordingListener listener = new RecordingListener();
                listener.onConnected(() -> transport.send(new ClientMessage.Hello("bistro", "bar", "alice", 0, 0, 1)));
                transport.start(listener);
                listener.await("received:welcome", 10);
                transport.send(new ClientMessage.Ping(5));
                HubMessage pong = listener.messages.poll(5, TimeUnit.SECONDS);
                while (pong instanceof HubMessage.Welcome) {
                    pong = listener.messages.poll(5, TimeUnit.SECONDS);
                }
                assertEquals(new HubMessage.Pong(5), assertInstanceOf(HubMessage.Pong.class, pong));
            }
        }
    }

    @Test
    void aTerminalThatDoesNotTrustTheCertificateNeverConnects() throws Exception {
        RecordingHub hub = new RecordingHub();
        TerminalTokens tokens = TerminalTokens.inMemory();
        String token = tokens.issue("bistro", "bar");
        try (HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens)
                .tls(stores.server).start();
                WebSocketTerminalTransport transport = WebSocketTerminalTransport.builder(server.loopbackUri(), token)
                        .backoff(Duration.ofMillis(50), Duration.ofMillis(200)).build()) {
            RecordingListener listener = new RecordingListener();
            transport.start(listener);
            String reason = listener.await("disconnected:", 10);
            assertFalse(transport.isConnected(), reason);
            assertEquals(List.of(), hub.connected);
        }
    }
}
