package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The bounds of one order's JSON as the hub keeps it, checked on the result of each mutation
 * before it is stored: how many elements one array holds (the lines of an order, the elements of
 * any collection in it) and how large the whole order is, counted in characters of its compact
 * JSON (escapes counted as the one character they stand for). A mutation that would break them is refused as a whole ({@code too_large}), so no session
 * holds an order that a terminal would choke on or that costs every snapshot more than its share.
 * docs/PROTOCOL.md, "Limits", lists the defaults.
 *
 * @param maxElements elements of any one array in the order
 * @param maxChars characters of the order's compact JSON
 */
public record OrderLimits(int maxElements, int maxChars) {

    /**
     * The most characters of an order's uid (the {@code order} of a mutation or removal): a uid is
     * a key of the hub's store, and PostgreSQL indexes a key of at most 2,704 bytes.
     */
    public static final int MAX_UID_CHARS = 500;

    /** The protocol's limits: 2,000 elements per array, 1,000,000 characters per order. */
    public static final OrderLimits DEFAULT = new OrderLimits(2_000, 1_000_000);

    public OrderLimits {
        if (maxElements < 1 || maxChars < 2) {
            throw new IllegalArgumentException("order limits must be positive: " + maxElements + ", " + maxChars);
        }
    }

    /** What in {@code order} breaks a limit, said for a client author; null if nothing. */
    public String check(JsonNode order) {
        Walk walk = new Walk();
        walk.visit(order, "");
        if (walk.crowded != null) {
            return walk.crowded;
        }
        return walk.chars > maxChars ? "the order would be larger than " + maxChars + " characters of JSON" : null;
    }

    /** One pass over the order that stops counting as soon as a limit is broken. */
    private final class Walk {
        long chars;
        String crowded;

        void visit(JsonNode node, String where) {
            if (crowded != null || chars > maxChars) {
                return;
            }
            if (node.isArray()) {
                if (node.size() > maxElements) {
                    crowded = (where.isEmpty() ? "an array" : "\"" + where + "\"") + " would hold " + node.size()
                            + " elements; an order's arrays hold at most " + maxElements;
                    return;
                }
                chars += 2 + Math.max(0, node.size() - 1); // brackets and commas
                for (JsonNode element : node) {
                    visit(element, where);
                }
            } else if (node.isObject()) {
                chars += 2 + Math.max(0, node.size() - 1); // braces and commas
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    chars += member.getKey().length() + 3; // "key":
                    visit(member.getValue(), member.getKey());
                }
            } else if (node.isTextual()) {
                chars += node.textValue().length() + 2;
            } else if (node.isNumber()) {
                // as written; the protocol's number limits keep this short
                chars += node.asText().length();
            } else {
                chars += node.isBoolean() && !node.booleanValue() ? 5 : 4;
            }
        }
    }
}
