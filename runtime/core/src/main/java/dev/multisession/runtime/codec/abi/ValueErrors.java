package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The messages of the conversions, in one place so that every value names its key the same way. */
final class ValueErrors {

    private ValueErrors() {}

    static IllegalArgumentException wrongType(String key, String expected, JsonNode node) {
        return new ValueError(key, "must be " + expected + " or null, but is " + node.getNodeType() + " "
                + abbreviate(node), null);
    }

    static IllegalArgumentException nullOrWrongType(String key, String expected, JsonNode node) {
        return node.isNull()
                ? new ValueError(key, "is null, but its field is a primitive", null)
                : wrongType(key, expected, node);
    }

    static IllegalArgumentException notA(String key, String expected, RuntimeException e) {
        return new ValueError(key, "is not " + expected + ": " + e.getMessage(), e);
    }

    /**
     * A string its value's type cannot be read from (a date with month 13): the text and the parse's
     * own message, both shortened, as either may repeat a text of any length a peer sent.
     */
    static IllegalArgumentException unreadableText(String key, String text, RuntimeException e) {
        return new ValueError(key, "holds " + abbreviate(JsonNodeFactory.instance.textNode(text))
                + ", which is not of its type's form: " + shorten(String.valueOf(e.getMessage()), 200), e);
    }

    /** Any other problem with the value under {@code key}, said after it. */
    static IllegalArgumentException invalid(String key, String problem, Throwable cause) {
        return new ValueError(key, problem, cause);
    }

    /** An element of a collection of models that is not an object: such an element is never null. */
    static IllegalArgumentException notAModel(String key, JsonNode node) {
        return new ValueError(key, node.isNull()
                ? "is null, but an element of a collection of models must be an object (remove it from the array instead)"
                : "must be an object (an element of a collection of models), but is " + node.getNodeType() + " "
                        + abbreviate(node), null);
    }

    private static String abbreviate(JsonNode node) {
        return shorten(node.toString(), 40);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
