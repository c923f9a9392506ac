package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** Equality of ids as they travel in JSON: {@code 7} and {@code 7.0} are the same id, {@code "7"} is not. */
final class IdValues {

    private IdValues() {}

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
