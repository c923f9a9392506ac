package dev.multisession.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every limit an operation must keep, as a table: the operations, and what breaks (or "-"). */
class ValueLimitsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static List<PathStep> path(String... keys) {
        List<PathStep> path = new ArrayList<>();
        for (String key : keys) {
            path.add(PathStep.key(key));
        }
        return path;
    }

    private static Op set(JsonNode value) {
        return new Op.Set(path("note"), value);
    }

    private static Op add(String delta) {
        return new Op.Add(path("qty"), JSON.numberNode(new BigDecimal(delta)));
    }

    /** Objects nested {@code depth} levels deep around a number. */
    private static JsonNode nested(int depth) {
        JsonNode value = JSON.numberNode(1);
        for (int i = 0; i < depth; i++) {
            ObjectNode outer = JSON.objectNode();
            outer.set("x", value);
            value = outer;
        }
        return value;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("an ordinary set", List.of(set(TextNode.valueOf("window seat"))), "-"),
                row("an ordinary add", List.of(add("1")), "-"),
                row("a price with cents", List.of(add("12.50")), "-"),
                row("the largest number", List.of(add("9".repeat(38))), "-"),
                row("a number of 10^38",
                        List.of(add("1" + "0".repeat(38))),
                        "ops[0]: the delta must be below 10^38 in size with at most 64 digits after the point"),
                row("an exponent that would take millions of digits to expand", List.of(add("1e5000000")),
                        "ops[0]: the delta must be below 10^38 in size with at most 64 digits after the point"),
                row("a tiny number", List.of(add("1e-65")),
                        "ops[0]: the delta must be below 10^38 in size with at most 64 digits after the point"),
                row("a huge number deep in a set's value", List.of(set(JSON.arrayNode().add(JSON.objectNode()
                                .put("p", new BigDecimal("1e1000"))))),
                        "ops[0]: the value must be below 10^38 in size with at most 64 digits after the point"),
                row("a long string", List.of(set(TextNode.valueOf("x".repeat(10_001)))),
                        "ops[0]: the value is longer than 10000 characters"),
                row("a string of the longest length", List.of(set(TextNode.valueOf("x".repeat(10_000)))), "-"),
                row("a long member name", List.of(set(JSON.objectNode().put("k".repeat(10_001), 1))),
                        "ops[0]: a member name in the value is longer than 10000 characters"),
                row("a value 32 levels deep", List.of(set(nested(32))), "-"),
                row("a value 33 levels deep", List.of(set(nested(33))),
                        "ops[0]: the value is nested deeper than 32 levels"),
                row("a path of 17 steps", List.of(new Op.Set(path(Collections.nCopies(17, "a").toArray(String[]::new)),
                                TextNode.valueOf("x"))),
                        "ops[0]: a path has at most 16 steps, not 17"),
                row("a huge element id", List.of(new Op.Delete(List.of(PathStep.key("lines"),
                                PathStep.element("uid", JSON.numberNode(new BigDecimal("1e99")))))),
                        "ops[0]: an element id must be below 10^38 in size with at most 64 digits after the point"),
                row("1,001 operations", Collections.nCopies(1_001, add("1")),
                        "a mutation holds at most 1000 operations, not 1001"),
                row("the second operation breaks", List.of(add("1"), add("1e40")),
                        "ops[1]: the delta must be below 10^38 in size with at most 64 digits after the point"));
    }

    private static Arguments row(String name, List<Op> ops, String broken) {
        return Arguments.of(Named.of(name, ops), broken);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checks(List<Op> ops, String broken) {
        String found = ValueLimits.DEFAULT.check(ops);
        assertEquals(broken, found == null ? "-" : found);
    }
}
