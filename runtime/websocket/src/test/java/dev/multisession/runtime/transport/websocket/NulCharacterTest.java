package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.PostgresTestCount;
import dev.multisession.runtime.store.jdbc.PostgresTestDatabase;
import dev.multisession.runtime.transport.websocket.model.Order;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text holding the character U+0000 is legal JSON ({@code "\u0000"}) but cannot be stored by a
 * PostgreSQL hub (neither {@code text} nor {@code jsonb} holds it): accepted, it failed the
 * session's transaction, so the sender (and every terminal whose change shared the transaction)
 * was answered {@code internal} and dropped, the hub reported its database failing, and the
 * mutation, never consuming its id, came back for good. Over real sockets to a hub on
 * PostgreSQL: each such message is refused {@code malformed}, names where the character is,
 * keeps the connection and changes nothing.
 */
@Tag(PostgresTestCount.TAG)
class NulCharacterTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final String CREATE = "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"baseRevision\":0,";

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of(Named.of("in a value", CREATE + "\"order\":\"O1\",\"user\":null,\"ops\":["
                        + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O1\"},"
                        + "{\"op\":\"set\",\"path\":[\"note\"],\"value\":\"scan\\u0000ned\"}]}"), "ops[1]: the value"),
                Arguments.of(Named.of("in the order's uid", CREATE + "\"order\":\"O\\u00001\",\"user\":null,\"ops\":["
                        + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O\\u00001\"}]}"), "order"),
                Arguments.of(Named.of("in the user", CREATE + "\"order\":\"O1\",\"user\":\"ann\\u0000\",\"ops\":["
                        + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O1\"}]}"), "user"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void isRefusedAsMalformedAndChangesNothing(String frame, String where) throws Exception {
        TerminalTokens tokens = TerminalTokens.inMemory();
        try (PostgresHubStore store = PostgresHubStore.builder(DATABASE.url())
                        .credentials(DATABASE.user(), DATABASE.password()).notifyChannel(DATABASE.schema()).open();
                Hub hub = Hub.builder().store(store).model(Order.class).build();
                HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
                RawClient client = new RawClient()) {
            RawClient.Connection raw = client.connect(server.loopbackUri(), tokens.issue("bistro", "X"));
            raw.greet("X");
            raw.send(frame);
            JsonNode error = raw.next("error");
            assertEquals("malformed", error.get("code").asText(), error.toString());
            String message = error.get("message").asText();
            assertTrue(message.contains(where) && message.contains("U+0000"), message);

            raw.send("{\"type\":\"ping\",\"nonce\":7}");
            assertEquals(7, raw.next("pong").get("nonce").asLong(), "the connection stays open");
            assertEquals(0L, (long) store.inSession("bistro", tx -> tx.head().seq()), "nothing changed");
        }
    }
}
