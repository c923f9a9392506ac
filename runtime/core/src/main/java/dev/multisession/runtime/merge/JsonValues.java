package dev.multisession.runtime.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Equality of JSON values as the sync engine sees them: numbers compare by value, so {@code 2},
 * {@code 2L} and {@code 2.0} are equal whichever Jackson node type holds them (a sum on the hub
 * may be a long where a terminal's export has an int); a missing value equals JSON null.
 */
public final class JsonValues {

    private JsonValues() {}

    /** Whether {@code a} and {@code b} hold the same JSON value; {@code null} stands for a missing value. */
    public static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull == bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> entry : a.properties()) {
                JsonNode other = b.get(entry.getKey());
                if (other == null || !same(entry.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
