package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.PostgresTestCount;
import dev.multisession.runtime.store.jdbc.PostgresTestDatabase;
import dev.multisession.runtime.transport.websocket.model.Order;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a PostgreSQL hub cannot store is refused before it reaches the store: text holding the
 * character U+0000 (legal JSON, {@code "\u0000"}, but kept neither by {@code text} nor by
 * {@code jsonb}) and an order uid too long for the store's key index. Accepted, each failed the
 * session's transaction, so the sender (and every terminal whose change shared the transaction)
 * was answered {@code internal} and dropped, the hub reported its database failing, and the
 * mutation, never consuming its id, came back for good. Over real sockets to a hub on
 * PostgreSQL: each such message is refused {@code malformed}, says what and where, keeps the
 * connection and changes nothing.
 */
@Tag(PostgresTestCount.TAG)
class UnstorableInputTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final String CREATE = "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"baseRevision\":0,";

    static Stream<Arguments> frames() {
        String longUid = randomLetters(3_000); // a repetitive one PostgreSQL would compress to fit its index
        return Stream.of(
                Arguments.of(Named.of("U+0000 in a value", CREATE + "\"order\":\"O1\",\"user\":null,\"ops\":["
                        + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O1\"},"
                        + "{\"op\":\"set\",\"path\":[\"note\"],\"value\":\"scan\\u0000ned\"}]}"),
                        "ops[1]: the value holds the character U+0000"),
                Arguments.of(Named.of("U+0000 in the order's uid", CREATE + "\"order\":\"O\\u00001\",\"user\":null,"
                        + "\"ops\":[{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O\\u00001\"}]}"),
                        "text in order holds the character U+0000"),
                Arguments.of(Named.of("U+0000 in the user", CREATE + "\"order\":\"O1\",\"user\":\"ann\\u0000\",\"ops\":["
                        + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O1\"}]}"), "text in user holds the character U+0000"),
                Arguments.of(Named.of("a new order's uid of 3,000 characters", CREATE + "\"order\":\"" + longUid
                        + "\",\"user\":null,\"ops\":[{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"" + longUid + "\"}]}"),
                        "order is at most 500 characters, not 3000"),
                Arguments.of(Named.of("a removal of an order with a uid of 3,000 characters", "{\"type\":\"remove\","
                        + "\"mutationId\":1,\"runId\":1,\"order\":\"" + longUid + "\",\"baseRevision\":0,\"user\":null,"
                        + "\"finalized\":false}"), "order is at most 500 characters, not 3000"));
    }

    private static String randomLetters(int count) {
        Random random = new Random(1);
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void isRefusedAsMalformedAndChangesNothing(String frame, String why) throws Exception {
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
            assertTrue(error.get("message").asText().contains(why), error.toString());

            raw.send("{\"type\":\"ping\",\"nonce\":7}");
            assertEquals(7, raw.next("pong").get("nonce").asLong(), "the connection stays open");
            assertEquals(0L, (long) store.inSession("bistro", tx -> tx.head().seq()), "nothing changed");
        }
    }
}
