package dev.multisession.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.json.IsoInstantJsonTest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An event's author time is encoded, decoded and refused by {@link MessageCodec} exactly as with
 * JavaTimeModule's own {@code Instant} handlers: the same text, the same value, and for a time the
 * protocol refuses the same {@link ProtocolException} (reason and words).
 */
class MessageCodecInstantTest {

    private final MessageCodec codec = MessageCodec.instance();
    private final JsonMapper reference = IsoInstantJsonTest.javaTimeInstants((JsonMapper) codec.mapper());
    private final ObjectReader referenceHub = reference.readerFor(HubMessage.class);

    @Test
    void eventsAreEncodedAndDecodedAsWithJavaTimeModule() throws Exception {
        Random random = new Random(29);
        for (int i = 0; i < 5_000; i++) {
            Instant time = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000),
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            HubMessage.Change change = change(new Author("T1", "u" + i, time));
            String text = codec.encode(change);
            assertEquals(reference.writeValueAsString(change), text);
            assertEquals(change, codec.decodeHub(text));
            HubMessage.Removed removed = new HubMessage.Removed(13, 1, "O1", 5, new Author("T2", null, time), 10, true, 77);
            assertEquals(reference.writeValueAsString(removed), codec.encode(removed));
            assertEquals(removed, codec.decodeHub(codec.encode(removed)));
        }
    }

    @Test
    void authorTimesAreRefusedAsWithJavaTimeModule() throws Exception {
        List<JsonNode> times = List.of(TextNode.valueOf("2026-12-03T16:21:07Z"), TextNode.valueOf("2026-12-03T16:21:07+01:00"),
                TextNode.valueOf("2026-12-03T16:21:07z"), TextNode.valueOf("2026-12-03T23:59:60Z"),
                TextNode.valueOf("+10000-01-01T00:00:00Z"), TextNode.valueOf("-0001-01-01T00:00:00Z"),
                TextNode.valueOf("2026-12-03T16:21:07.123456789Z"), TextNode.valueOf("2026-12-03T16:21:07.1234567890Z"),
                TextNode.valueOf("2026-12-03T16:21Z"), TextNode.valueOf("2026-02-29T00:00:00Z"), TextNode.valueOf(""),
                TextNode.valueOf(" "), TextNode.valueOf("garbage"), TextNode.valueOf("1700000000"),
                IntNode.valueOf(1_700_000_000), reference.getNodeFactory().numberNode(new java.math.BigDecimal("1.5")),
                reference.getNodeFactory().booleanNode(true), reference.getNodeFactory().nullNode(),
                reference.getNodeFactory().objectNode(), reference.getNodeFactory().arrayNode().add("2026-12-03T16:21:07Z"));
        ObjectNode template = (ObjectNode) codec.toTree(change(new Author("T1", "ann", Instant.EPOCH)));
        for (JsonNode time : times) {
            ObjectNode message = template.deepCopy();
            ((ObjectNode) message.get("author")).set("time", time);
            String text = codec.mapper().writeValueAsString(message);
            assertEquals(referenceOutcome(text), outcome(text), text);
        }
    }

    private static HubMessage.Change change(Author author) {
        Op add = new Op.Add(List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf("L-7f3a")),
                PathStep.key("qty")), IntNode.valueOf(1));
        return new HubMessage.Change(12, 1, "O1", 4, 2, author, 9, List.of(add), 77);
    }

    private String outcome(String text) {
        try {
            return "decoded " + codec.decodeHub(text);
        } catch (ProtocolException e) {
            return "refused " + e.code() + ": " + e.getMessage();
        }
    }

    /** What {@link MessageCodec#decodeHub(String)} does, with JavaTimeModule's instants. */
    private String referenceOutcome(String text) throws IOException {
        try {
            return "decoded " + referenceHub.readValue(codec.mapper().readTree(text));
        } catch (IOException e) {
            ProtocolException refused = DecodeFailures.of(e);
            return "refused " + refused.code() + ": " + refused.getMessage();
        }
    }
}
