package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

/** Writes the values {@code ObjectNode.put} has no overload for: bytes, characters and enums. */
public final class ValueWrites {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueWrites() {}

    /** A {@code Byte} as a JSON number; {@code null} as JSON null. */
    public static JsonNode byteNode(Byte value) {
        return value == null ? NullNode.getInstance() : NODES.numberNode(value);
    }

    /** A {@code char} as a one-character string. */
    public static JsonNode charNode(char value) {
        return NODES.textNode(String.valueOf(value));
    }

    /** A {@code Character} as a one-character string; {@code null} as JSON null. */
    public static JsonNode charNode(Character value) {
        return value == null ? NullNode.getInstance() : charNode(value.charValue());
    }

    /** An enum constant as its name; {@code null} as JSON null. */
    public static JsonNode enumNode(Enum<?> value) {
        return value == null ? NullNode.getInstance() : NODES.textNode(value.name());
    }
}
