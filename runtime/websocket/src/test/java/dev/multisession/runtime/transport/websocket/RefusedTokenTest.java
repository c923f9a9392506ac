package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A hub that refuses the token is reported as such, not as one more failed connection attempt. */
class RefusedTokenTest {

    @Test
    void aRefusedTokenIsReportedAsUnauthorizedAndRetriedAtTheLongestBackoff() throws Exception {
        TerminalTokens tokens = TerminalTokens.inMemory();
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        WebSocketTerminalTransport transport = WebSocketTerminalTransport
                .builder(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), "not-a-token")
                .backoff(Duration.ofMillis(10), Duration.ofMillis(300))
                .build();
        RecordingListener listener = new RecordingListener();
        try {
            transport.start(listener);
            String first = listener.await("unauthorized:", 10);
            assertTrue(first.contains("refused the token (HTTP 401)"), first);
            long start = System.nanoTime();
            listener.await("unauthorized:", 10); // it keeps trying, at the longest backoff
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMillis >= 250, "retried after " + waitedMillis + " ms");
            assertTrue(listener.events.stream().noneMatch(e -> e.startsWith("disconnected")), listener.events.toString());
            assertEquals(false, transport.isConnected());
        } finally {
            transport.close();
            server.close();
            hub.close();
        }
    }
}
