package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.websocket.model.Order;

/** A hub bound to the test model ({@code Order}) on an in-memory store, served over WebSocket on loopback. */
final class ModelBoundHub implements AutoCloseable {

    final InMemoryHubStore store = new InMemoryHubStore();
    final TerminalTokens tokens = TerminalTokens.inMemory();
    final Hub hub = Hub.builder().store(store).model(Order.class).build();
    final HubServer server;

    ModelBoundHub() throws Exception {
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
    }

    /** A terminal of session "bistro" connected to this hub. */
    TestTerminal terminal(String id) {
        return new TestTerminal(id, server.loopbackUri(), tokens.issue("bistro", id));
    }

    /** A raw connection of {@code client} as terminal {@code id} of "bistro", greeted and brought up to date. */
    RawClient.Connection greeted(RawClient client, String id) throws Exception {
        RawClient.Connection connection = client.connect(server.loopbackUri(), tokens.issue("bistro", id));
        connection.greet(id);
        return connection;
    }

    @Override
    public void close() throws Exception {
        server.close();
        hub.close();
    }
}
