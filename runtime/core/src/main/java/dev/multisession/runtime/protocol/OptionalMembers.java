package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The members a message may leave out, and the value each then has. Every other member is
 * required (the decoder refuses a message without it); these were added to the protocol later,
 * so that a peer or a stored event from before they existed still reads: a {@code hello}
 * without {@code lastTag} names nothing to verify, a {@code welcome} without {@code diverged}
 * says nothing of divergence, an event or snapshot without {@code tag} has none.
 */
final class OptionalMembers {

    private static final Map<String, Map<String, JsonNode>> DEFAULTS = Map.of(
            "hello", Map.of("lastTag", LongNode.valueOf(EventTag.NONE)),
            "welcome", Map.of("diverged", BooleanNode.FALSE),
            "change", Map.of("tag", LongNode.valueOf(EventTag.NONE)),
            "removed", Map.of("tag", LongNode.valueOf(EventTag.NONE)),
            "snapshot", Map.of("tag", LongNode.valueOf(EventTag.NONE)));

    private OptionalMembers() {}

    /** Adds the default of every optional member {@code message} lacks; a member present (even null) is left to the decoder. */
    static void fill(ObjectNode message) {
        JsonNode type = message.get("type");
        Map<String, JsonNode> defaults = type == null ? null : DEFAULTS.get(type.asText());
        if (defaults == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : defaults.entrySet()) {
            if (!message.has(member.getKey())) {
                message.set(member.getKey(), member.getValue());
            }
        }
    }
}
