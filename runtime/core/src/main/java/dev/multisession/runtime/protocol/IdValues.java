package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** Equality of ids as they travel in JSON: {@code 7} and {@code 7.0} are the same id, {@code "7"} is not. */
public final class IdValues {

    private IdValues() {}

    /** Whether {@code a} and {@code b} are the same id. */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** The id as one text, equal for ids that are {@link #same}: a key for sets of ids. */
    public static String key(JsonNode id) {
        return id.isNumber() ? "n" + id.decimalValue().stripTrailingZeros().toPlainString() : "s" + id.asText();
    }
}
