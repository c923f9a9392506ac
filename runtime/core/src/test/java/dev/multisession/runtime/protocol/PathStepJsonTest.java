package dev.multisession.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Path steps as the codec reads them: keys as strings, elements as one-member objects, nothing else. */
class PathStepJsonTest {

    private static final MessageCodec CODEC = MessageCodec.instance();

    /** The path of a decoded operation: an unset if the path ends with a key, else a delete. */
    private static List<PathStep> pathOf(String pathJson) throws ProtocolException {
        String op = pathJson.endsWith("\"]") ? "unset" : "delete";
        ClientMessage message = CODEC.decodeClient("{\"type\":\"mutate\",\"mutationId\":1,\"runId\":1,\"order\":\"o\","
                + "\"baseRevision\":0,\"user\":null,\"ops\":[{\"op\":\"" + op + "\",\"path\":" + pathJson + "}]}");
        return ((ClientMessage.Mutate) message).ops().get(0).path();
    }

    @Test
    void keysAndElementsWithTextAndNumberIds() throws ProtocolException {
        assertEquals(List.of(PathStep.key("lines"), PathStep.element("id", TextNode.valueOf("L1")), PathStep.key("qty")),
                pathOf("[\"lines\",{\"id\":\"L1\"},\"qty\"]"));
        assertEquals(List.of(PathStep.key("seats"), PathStep.element("n", IntNode.valueOf(7))),
                pathOf("[\"seats\",{\"n\":7}]"));
        assertEquals(List.of(PathStep.key("x"), PathStep.element("n", new DecimalNode(new BigDecimal("1.50")))),
                pathOf("[\"x\",{\"n\":1.50}]"), "a decimal id keeps its scale");
        assertEquals(List.of(PathStep.key("a\"b")), pathOf("[\"a\\\"b\"]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "[true]", "[[\"a\"]]", "[{}]", "[{\"a\":1,\"b\":2}]", "[{\"a\":{}}]",
        "[{\"a\":null}]", "[{\"a\":[1]}]", "[\"k\",false]"})
    void anythingElseIsRefusedNamingTheStep(String path) {
        ProtocolException refused = assertThrows(ProtocolException.class, () -> pathOf(path));
        assertEquals(Reason.MALFORMED, refused.code());
        assertTrue(refused.getMessage().matches("member \"ops\\[0]\\.path\\[\\d]\".*"), refused.getMessage());
    }

    @Test
    void anElementStepWithItsIdTwiceIsRefused() {
        ProtocolException refused = assertThrows(ProtocolException.class,
                () -> pathOf("[\"lines\",{\"id\":\"L1\",\"id\":\"L2\"}]"));
        assertEquals(Reason.MALFORMED, refused.code());
        assertEquals("member \"id\" appears twice in one object", refused.getMessage());
    }

    @Test
    void encodedStepsReadBackTheSame() throws ProtocolException {
        List<PathStep> path = List.of(PathStep.key("lines"), PathStep.element("id", TextNode.valueOf("L1")),
                PathStep.key("qty"));
        ClientMessage.Mutate mutate = new ClientMessage.Mutate(1, 1, "o", 0, null,
                List.of(new Op.Add(path, IntNode.valueOf(1))));
        ClientMessage decoded = CODEC.decodeClient(CODEC.encode(mutate));
        assertEquals(path, ((ClientMessage.Mutate) decoded).ops().get(0).path());
    }
}
