package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.json.JsonMappers;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.websocket.model.Order;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/PROTOCOL.md's rules for what a hub accepts, checked as a client in another language would
 * meet them: raw JSON text frames over a real WebSocket to a hub server bound to the test model
 * ({@code Order} with {@code Orderline}s; {@code qty} is a counter). Each row sends one frame on a
 * fresh terminal's connection and names the answer; none of them may change the session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolConformanceTest {

    private static final String MUTATE = "{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"O1\",\"baseRevision\":1,"
            + "\"user\":null,\"ops\":[";
    private static final String STATE = "{\"uid\":\"O1\",\"guests\":2,\"lines\":[{\"uid\":\"L1\",\"product_id\":7,\"qty\":1}]}";

    private final InMemoryHubStore store = new InMemoryHubStore();
    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final AtomicInteger terminals = new AtomicInteger();
    private Hub hub;
    private HubServer server;
    private RawClient client;

    @BeforeAll
    void start() throws Exception {
        hub = Hub.builder().store(store).model(Order.class).build();
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        client = new RawClient();
        RawClient.Connection setup = greeted();
        String create = MUTATE + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O1\"},"
                + "{\"op\":\"set\",\"path\":[\"guests\"],\"value\":2},"
                + "{\"op\":\"insert\",\"path\":[\"lines\",{\"uid\":\"L1\"}],\"value\":{\"uid\":\"L1\",\"product_id\":7,\"qty\":1},"
                + "\"afterId\":null}]}";
        setup.send(create.replace("\"baseRevision\":1", "\"baseRevision\":0"));
        JsonNode ack = setup.next("ack");
        assertEquals(0, ack.get("dropped").size(), ack.toString());
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
        hub.close();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // the model: a dropped operation, answered invalid in the ack
                row("a text where the model has an int counter", MUTATE
                        + "{\"op\":\"set\",\"path\":[\"lines\",{\"uid\":\"L1\"},\"qty\"],\"value\":\"abc\"}]}",
                        "ack invalid", "must be an integer between -2147483648 and 2147483647, not \"abc\""),
                row("add on a field that is not a counter", MUTATE
                        + "{\"op\":\"add\",\"path\":[\"guests\"],\"delta\":1}]}", "ack invalid", "add is only for COUNTER fields"),
                row("a counter pushed out of its int range", MUTATE
                        + "{\"op\":\"add\",\"path\":[\"lines\",{\"uid\":\"L1\"},\"qty\"],\"delta\":2147483647}]}",
                        "ack invalid", "adding 2147483647 gives 2147483648"),
                row("a key the model does not declare", MUTATE
                        + "{\"op\":\"set\",\"path\":[\"tip\"],\"value\":1}]}", "ack invalid", "\"tip\" is not a field of Order"),
                row("an inserted line with a null id", MUTATE
                        + "{\"op\":\"insert\",\"path\":[\"lines\",{\"uid\":\"L2\"}],\"value\":{\"uid\":null},\"afterId\":null}]}",
                        "ack invalid", "must not be null"),
                row("an element selected by a key that is not its id", MUTATE
                        + "{\"op\":\"set\",\"path\":[\"lines\",{\"product_id\":7},\"qty\"],\"value\":3}]}",
                        "ack invalid", "selected by {\"uid\": id}"),
                // an order's id is the uid it travels under: a new order names it, the whole mutation rejected
                row("a new order whose data names another order's id", newOrder("O7")
                        + "{\"op\":\"set\",\"path\":[\"uid\"],\"value\":\"O1\"}]}", "rejected invalid",
                        "\"uid\" would be \"O1\""),
                row("a new order without its id", newOrder("O8")
                        + "{\"op\":\"set\",\"path\":[\"guests\"],\"value\":3}]}", "rejected invalid",
                        "would have no \"uid\""),
                // the limits: the whole message refused as malformed, before any work
                row("a delta of 1e1000", MUTATE
                        + "{\"op\":\"add\",\"path\":[\"lines\",{\"uid\":\"L1\"},\"qty\"],\"delta\":1e1000}]}",
                        "error malformed", "below 10^38"),
                row("a delta of 1e5000000 (45 bytes that would take megabytes)", MUTATE
                        + "{\"op\":\"add\",\"path\":[\"lines\",{\"uid\":\"L1\"},\"qty\"],\"delta\":1e5000000}]}",
                        "error malformed", "below 10^38"),
                row("a path of 100 keys", MUTATE + "{\"op\":\"set\",\"path\":[" + "\"k\",".repeat(99)
                        + "\"k\"],\"value\":1}]}", "error malformed", "at most 16 steps"),
                row("a value nested 40 levels", MUTATE + "{\"op\":\"set\",\"path\":[\"note\"],\"value\":"
                        + "[".repeat(40) + "]".repeat(40) + "}]}", "error malformed", "nested deeper than 32"),
                row("a message nested 65 levels", MUTATE + "{\"op\":\"set\",\"path\":[\"note\"],\"value\":"
                        + "[".repeat(65) + "]".repeat(65) + "}]}", "error malformed", "nested deeper than 64"),
                row("a user of 201 characters (recorded for every element a change touches)",
                        MUTATE.replace("\"user\":null", "\"user\":\"" + "u".repeat(201) + "\"")
                        + "{\"op\":\"set\",\"path\":[\"note\"],\"value\":\"x\"}]}", "error malformed",
                        "user is at most 200 characters, not 201"),
                row("an insert whose value lacks its id", MUTATE
                        + "{\"op\":\"insert\",\"path\":[\"lines\",{\"uid\":\"L2\"}],\"value\":{\"qty\":1},\"afterId\":null}]}",
                        "error malformed", "carries its id"),
                row("a lone surrogate in a value", MUTATE
                        + "{\"op\":\"set\",\"path\":[\"note\"],\"value\":\"a\\udc00b\"}]}", "error malformed", "lone UTF-16 surrogate"),
                // strict decoding
                row("a JSON array as a message", "[\"sync\",{\"afterSeq\":1}]", "error malformed", "one JSON object"),
                row("a type that is not a string", "{\"type\":5}", "error malformed", "\"type\" must be a string"),
                row("a member twice", "{\"type\":\"sync\",\"afterSeq\":1,\"afterSeq\":2}", "error malformed", "twice"),
                row("a negative counter", "{\"type\":\"sync\",\"afterSeq\":-1}", "error malformed", "must not be negative"),
                row("an unknown type", "{\"type\":\"shout\"}", "error unknown_type", "shout"),
                // the order's bounds: the whole mutation rejected
                row("an order of 2,001 lines", MUTATE + "{\"op\":\"set\",\"path\":[\"lines\"],\"value\":["
                        + lines(2001) + "]}]}", "rejected too_large", "hold at most 2000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedAndChangesNothing(String frame, String expected, String because) throws Exception {
        RawClient.Connection connection = greeted();
        connection.send(frame);
        String[] kind = expected.split(" ");
        JsonNode reply = connection.next(kind[0]);
        String reason;
        String message;
        if (kind[0].equals("ack")) {
            assertEquals(1, reply.get("dropped").size(), reply.toString());
            reason = reply.get("dropped").get(0).get("reason").asText();
            message = reply.get("dropped").get(0).get("message").asText();
            assertNotNull(reply.get("dropped").get(0).get("op"), "the refused operation is named");
        } else if (kind[0].equals("error")) {
            reason = reply.get("code").asText();
            message = reply.get("message").asText();
        } else {
            reason = reply.get("reason").asText();
            message = reply.get("message").asText();
        }
        assertEquals(kind[1], reason, reply.toString());
        assertTrue(message.contains(because), message);
        connection.close();

        assertEquals(JsonMappers.protocol().readTree(STATE), storedOrder(), "the session did not change");
        assertEquals(1, store.readLog("bistro", 0, 10).size(), "only the set-up change is logged");
    }

    @Test
    void aHelloOfAnotherProtocolVersionIsRefusedWithItsReason() throws Exception {
        String terminal = "P" + terminals.incrementAndGet();
        RawClient.Connection connection = client.connect(server.loopbackUri(), tokens.issue("bistro", terminal));
        connection.send("{\"type\":\"hello\",\"session\":\"bistro\",\"terminal\":\"" + terminal
                + "\",\"user\":null,\"runId\":0,\"lastSeq\":0,\"protocol\":2}");
        JsonNode error = connection.next("error");
        assertEquals("unsupported_protocol", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("protocol 1, not 2"), error.toString());
        connection.close();
    }

    @Test
    void aHelloWithAUserLongerThanTheHubTakesIsRefused() throws Exception {
        String terminal = "U" + terminals.incrementAndGet();
        RawClient.Connection connection = client.connect(server.loopbackUri(), tokens.issue("bistro", terminal));
        connection.send("{\"type\":\"hello\",\"session\":\"bistro\",\"terminal\":\"" + terminal
                + "\",\"user\":\"" + "u".repeat(201) + "\",\"runId\":0,\"lastSeq\":0,\"protocol\":1}");
        JsonNode error = connection.next("error");
        assertEquals("malformed", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("user is at most 200 characters"), error.toString());
        connection.close();
    }

    @Test
    void aHelloWithATagThatIsNoTagIsRefused() throws Exception {
        String terminal = "G" + terminals.incrementAndGet();
        RawClient.Connection connection = client.connect(server.loopbackUri(), tokens.issue("bistro", terminal));
        connection.send("{\"type\":\"hello\",\"session\":\"bistro\",\"terminal\":\"" + terminal
                + "\",\"user\":null,\"runId\":1,\"lastSeq\":1,\"protocol\":1,\"lastTag\":9007199254740992}");
        JsonNode error = connection.next("error");
        assertEquals("malformed", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("lastTag"), error.toString());
        connection.close();
    }

    /**
     * A hello naming the hub's own event at its seq is answered with the log; one naming another
     * event at that seq (a terminal of a history a restored hub lost) with diverged and a snapshot.
     */
    @Test
    void aHelloNamingAnotherEventAtItsSeqIsToldItDiverged() throws Exception {
        HubMessage.Event logged = store.readLog("bistro", 0, 10).get(0);
        for (long tag : new long[] {logged.tag(), logged.tag() ^ 1}) {
            String terminal = "V" + terminals.incrementAndGet();
            RawClient.Connection connection = client.connect(server.loopbackUri(), tokens.issue("bistro", terminal));
            connection.send("{\"type\":\"hello\",\"session\":\"bistro\",\"terminal\":\"" + terminal
                    + "\",\"user\":null,\"runId\":" + logged.runId() + ",\"lastSeq\":" + logged.seq()
                    + ",\"protocol\":1,\"lastTag\":" + tag + "}");
            JsonNode welcome = connection.next("welcome");
            boolean same = tag == logged.tag();
            assertEquals(!same, welcome.get("diverged").asBoolean(), welcome.toString());
            connection.send("{\"type\":\"ping\",\"nonce\":7}");
            String next = JsonMappers.protocol().readTree(connection.messages.poll(60, TimeUnit.SECONDS))
                    .get("type").asText();
            assertEquals(same ? "pong" : "snapshot", next, "what follows the welcome");
            connection.close();
        }
    }

    private JsonNode storedOrder() {
        return store.inSession("bistro", tx -> tx.order("O1").orElseThrow().data());
    }

    /** A fresh terminal's connection, welcomed and brought up to date. */
    private RawClient.Connection greeted() throws Exception {
        String terminal = "T" + terminals.incrementAndGet();
        RawClient.Connection connection = client.connect(server.loopbackUri(), tokens.issue("bistro", terminal));
        connection.greet(terminal);
        return connection;
    }

    /** The start of a mutate frame that creates order {@code uid}, up to its operations. */
    private static String newOrder(String uid) {
        return MUTATE.replace("\"order\":\"O1\",\"baseRevision\":1", "\"order\":\"" + uid + "\",\"baseRevision\":0");
    }

    private static String lines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"uid\":\"N").append(i).append("\"}");
        }
        return lines.toString();
    }

    private static Arguments row(String name, String frame, String expected, String because) {
        return Arguments.of(Named.of(name, frame), expected, because);
    }
}
