package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.spi.HubEndpoint;

/**
 * A hub server on a free loopback port and a {@link RawClient} for it: what a test of the
 * server's handling of frames starts, and closes (the client first) when it is done.
 */
final class RawHub implements AutoCloseable {

    final HubServer server;
    final RawClient client;

    private RawHub(HubServer server, RawClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts {@code builder}'s server for {@code hub}, accepting {@code tokens}, and a client. */
    static RawHub start(HubServer.Builder builder, HubEndpoint hub, TerminalTokens tokens) throws Exception {
        HubServer server = builder.host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        try {
            return new RawHub(server, new RawClient());
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    /** A connection with {@code Authorization: Bearer token} (none when token is null). */
    RawClient.Connection connect(String token) throws Exception {
        return client.connect(server.loopbackUri(), token);
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
