package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.CommittedSession;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Liveness says the process serves HTTP; readiness says the hub's store answers. */
class HealthChecksTest {

    /** An in-memory store whose database can be taken away. */
    private static final class SwitchableStore implements HubStore {
        final InMemoryHubStore delegate = new InMemoryHubStore();
        volatile boolean up = true;

        @Override
        public <R> R inSession(String session, SessionWork<R> work) {
            return delegate.inSession(session, work);
        }

        @Override
        public List<HubMessage.Event> readLog(String session, long afterSeq, int limit) {
            return delegate.readLog(session, afterSeq, limit);
        }

        @Override
        public Optional<CommittedSession> readCommitted(String session) {
            return delegate.readCommitted(session);
        }

        @Override
        public boolean reachable() {
            return up;
        }

        @Override
        public void close() {}
    }

    private final SwitchableStore store = new SwitchableStore();
    private final Hub hub = Hub.builder().store(store).build();
    private final HttpClient http = HttpClient.newHttpClient();
    private HubServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        hub.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessFollowsTheStoreWhileLivenessStaysUp() throws Exception {
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(TerminalTokens.inMemory()).start();

        assertEquals(200, get("/health/live").statusCode());
        assertEquals(200, get("/health").statusCode());
        HttpResponse<String> ready = get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"ready\""), ready.body());

        store.up = false;
        HttpResponse<String> notReady = get("/health/ready");
        assertEquals(503, notReady.statusCode(), "a node whose database does not answer takes no new terminals");
        assertTrue(notReady.body().contains("not ready"), notReady.body());
        assertEquals(200, get("/health/live").statusCode(), "the process itself is fine: no restart");

        store.up = true;
        assertEquals(200, get("/health/ready").statusCode());
        assertEquals(404, get("/health/other").statusCode());
    }

    @Test
    void aClosedHubIsNotReady() throws Exception {
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(TerminalTokens.inMemory()).start();
        hub.close();
        assertEquals(503, get("/health/ready").statusCode());
    }
}
