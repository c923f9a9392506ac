package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.tokens.TokenHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketTerminalTransportTest {

    private final RecordingHub hub = new RecordingHub();
    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final String barToken = tokens.issue("bistro", "bar");
    private HubServer server;
    private WebSocketTerminalTransport transport;

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HubServer startServer(int port) {
        return HubServer.builder().host("127.0.0.1").port(port).hub(hub).tokens(tokens).start();
    }

    private WebSocketTerminalTransport.Builder transportTo(URI uri, String token) {
        return WebSocketTerminalTransport.builder(uri, token)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(300))
                .keepAlive(Duration.ofMillis(200), Duration.ofMillis(800))
                .connectTimeout(Duration.ofSeconds(2));
    }

    @Test
    void connectsSaysHelloAndReceivesInOrder() throws Exception {
        server = startServer(0);
        transport = transportTo(server.loopbackUri(), barToken).build();
        assertFalse(transport.send(new ClientMessage.Ping(1)), "nothing is sent before a connection exists");
        RecordingListener listener = new RecordingListener();
        listener.onConnected(() -> assertTrue(transport.send(hello())));
        transport.start(listener);
        assertEquals("connected", listener.await("", 5));
        assertEquals("received:welcome", listener.await("", 5));
        for (int i = 0; i < 300; i++) {
            assertTrue(transport.send(new ClientMessage.Ping(i)));
        }
        for (int i = 0; i < 300; i++) {
            HubMessage message = listener.messages.poll(5, TimeUnit.SECONDS);
            if (message instanceof HubMessage.Welcome) {
                message = listener.messages.poll(5, TimeUnit.SECONDS);
            }
            assertEquals(new HubMessage.Pong(i), message);
        }
        assertFalse(listener.overlapped(), "listener calls never overlap");
    }

    @Test
    void reconnectsWhenTheHubComesBackOnTheSamePort() throws Exception {
        server = startServer(0);
        int port = server.port();
        transport = transportTo(server.loopbackUri(), barToken).build();
        RecordingListener listener = new RecordingListener();
        listener.onConnected(() -> transport.send(hello()));
        transport.start(listener);
        listener.await("received:welcome", 5);

        server.close();
        listener.await("disconnected:", 5);
        assertFalse(transport.send(new ClientMessage.Ping(1)), "send reports the drop instead of queueing");
        Thread.sleep(300);
        server = startServer(port);
        listener.await("connected", 10);
        listener.await("received:welcome", 5);
        assertTrue(transport.isConnected());
        assertEquals(2, hub.connected.size());
        assertFalse(listener.overlapped());
    }

    @Test
    void aHubThatStopsAnsweringIsDetectedWithinSecondsAndTheTransportReconnects() throws Exception {
        server = startServer(0);
        try (FreezingProxy proxy = new FreezingProxy(server.port())) {
            URI viaProxy = URI.create("ws://localhost:" + proxy.port() + "/ws");
            transport = transportTo(viaProxy, barToken).build();
            RecordingListener listener = new RecordingListener();
            listener.onConnected(() -> transport.send(hello()));
            transport.start(listener);
            listener.await("received:welcome", 5);

            proxy.freezeOpenConnections();
            long frozenAt = System.nanoTime();
            String dropped = listener.await("disconnected:", 5);
            long detectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
            assertTrue(dropped.contains("no answer"), dropped);
            assertTrue(detectedMillis < 2_000, "detected after " + detectedMillis + " ms");

            listener.await("connected", 5);
            listener.await("received:welcome", 5);
        }
    }

    @Test
    void aRefusedTokenIsReportedAndRetriedWithoutReachingTheHub() throws Exception {
        server = startServer(0);
        transport = transportTo(server.loopbackUri(), TokenHash.newToken()).build();
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        String first = listener.await("unauthorized:", 5);
        assertTrue(first.contains("401"), first);
        listener.await("unauthorized:", 5);
        assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("disconnected:")), "reported as refused, not as a drop");
        assertEquals(List.of(), hub.connected);
        assertFalse(transport.isConnected());
    }

    @Test
    void closeStopsReconnecting() throws Exception {
        server = startServer(0);
        transport = transportTo(server.loopbackUri(), barToken).build();
        RecordingListener listener = new RecordingListener();
        transport.start(listener);
        listener.await("connected", 5);
        transport.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.connections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.connections());
        Thread.sleep(500);
        assertEquals(1, hub.connected.size(), "no reconnect after close");
        assertFalse(transport.send(new ClientMessage.Ping(1)));
    }

    static ClientMessage.Hello hello() {
        return new ClientMessage.Hello("bistro", "bar", "alice", 0, 0, 1);
    }

}
