package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;

/** The messages of the conversions, in one place so that every value names its key the same way. */
final class ValueErrors {

    private ValueErrors() {}

    static IllegalArgumentException wrongType(String key, String expected, JsonNode node) {
        return new IllegalArgumentException("'" + key + "' must be " + expected + " or null, but is " + node.getNodeType()
                + " " + abbreviate(node));
    }

    static IllegalArgumentException nullOrWrongType(String key, String expected, JsonNode node) {
        return node.isNull()
                ? new IllegalArgumentException("'" + key + "' is null, but its field is a primitive")
                : wrongType(key, expected, node);
    }

    static IllegalArgumentException notA(String key, String expected, RuntimeException e) {
        return new IllegalArgumentException("'" + key + "' is not " + expected + ": " + e.getMessage(), e);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
