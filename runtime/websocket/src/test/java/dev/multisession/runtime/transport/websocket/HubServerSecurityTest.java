package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.tokens.TokenHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Reason;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubServerSecurityTest {

    private final MessageCodec codec = MessageCodec.instance();
    private final RecordingHub hub = new RecordingHub();
    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private String barToken;
    private String kitchenToken;
    private String otherSessionToken;
    private RawHub raw;

    @BeforeEach
    void start() throws Exception {
        barToken = tokens.issue("bistro", "bar");
        kitchenToken = tokens.issue("bistro", "kitchen");
        otherSessionToken = tokens.issue("cafe", "till");
        raw = RawHub.start(HubServer.builder(), hub, tokens);
    }

    @AfterEach
    void stop() throws Exception {
        raw.close();
    }

    @Test
    void missingTokenIsRefusedWith401AndNoHubConnection() {
        UpgradeException refused = assertThrows(UpgradeException.class, () -> raw.connect(null));
        assertEquals(401, refused.getResponseStatusCode());
        assertEquals(List.of(), hub.connected);
    }

    @Test
    void wrongTokenIsRefusedWith401AndNoHubConnection() {
        String forged = TokenHash.newToken();
        UpgradeException refused = assertThrows(UpgradeException.class, () -> raw.connect(forged));
        assertEquals(401, refused.getResponseStatusCode());
        UpgradeException truncated = assertThrows(UpgradeException.class,
                () -> raw.connect(barToken.substring(0, barToken.length() - 1)));
        assertEquals(401, truncated.getResponseStatusCode());
        assertEquals(List.of(), hub.connected);
    }

    @Test
    void revokedTokenIsRefused() {
        tokens.revoke("bistro", "bar");
        UpgradeException refused = assertThrows(UpgradeException.class, () -> raw.connect(barToken));
        assertEquals(401, refused.getResponseStatusCode());
    }

    @Test
    void tokenInQueryParameterIsAcceptedForBrowsers() throws Exception {
        URI uri = URI.create(raw.server.loopbackUri() + "?token=" + barToken);
        RawClient.Connection connection = raw.client.connect(uri, null);
        connection.send(codec.encode(hello("bistro", "bar")));
        assertInstanceOf(HubMessage.Welcome.class, codec.decodeHub(connection.next()));
        assertEquals(List.of(new TerminalIdentity("bistro", "bar")), hub.connected);
    }

    @Test
    void connectionIdentityComesFromTheToken() throws Exception {
        RawClient.Connection connection = raw.connect(otherSessionToken);
        connection.send(codec.encode(hello("cafe", "till")));
        HubMessage.Welcome welcome = assertInstanceOf(HubMessage.Welcome.class, codec.decodeHub(connection.next()));
        assertEquals("cafe", welcome.session());
        assertEquals(List.of(new TerminalIdentity("cafe", "till")), hub.connected);
    }

    @Test
    void helloNamingAnotherSessionIsRefusedAndNeverReachesTheHub() throws Exception {
        RawClient.Connection connection = raw.connect(otherSessionToken);
        connection.send(codec.encode(hello("bistro", "till")));
        HubMessage.Error error = assertInstanceOf(HubMessage.Error.class, codec.decodeHub(connection.next()));
        assertEquals(Reason.FORBIDDEN, error.code());
        assertEquals("hello", error.ref());
        assertEquals(List.of(), hub.received);
        // The connection stays usable for its own session.
        connection.send(codec.encode(hello("cafe", "till")));
        assertInstanceOf(HubMessage.Welcome.class, codec.decodeHub(connection.next()));
    }

    @Test
    void tokenOfOneTerminalCannotSpeakForAnother() throws Exception {
        RawClient.Connection connection = raw.connect(barToken);
        connection.send(codec.encode(hello("bistro", "kitchen")));
        HubMessage.Error error = assertInstanceOf(HubMessage.Error.class, codec.decodeHub(connection.next()));
        assertEquals(Reason.FORBIDDEN, error.code());
        assertTrue(error.message().contains("\"bar\""), error.message());
        assertEquals(List.of(), hub.received);
    }

    @Test
    void eachTerminalReachesTheHubUnderItsOwnIdentity() throws Exception {
        RawClient.Connection bar = raw.connect(barToken);
        RawClient.Connection kitchen = raw.connect(kitchenToken);
        bar.send(codec.encode(hello("bistro", "bar")));
        kitchen.send(codec.encode(hello("bistro", "kitchen")));
        assertInstanceOf(HubMessage.Welcome.class, codec.decodeHub(bar.next()));
        assertInstanceOf(HubMessage.Welcome.class, codec.decodeHub(kitchen.next()));
        assertEquals(2, hub.received.size());
        for (RecordingHub.Received received : hub.received) {
            ClientMessage.Hello hello = (ClientMessage.Hello) received.message();
            assertEquals(received.identity(), new TerminalIdentity(hello.session(), hello.terminal()));
        }
    }

    static ClientMessage.Hello hello(String session, String terminal) {
        return new ClientMessage.Hello(session, terminal, "alice", 0, 0, 1);
    }
}
