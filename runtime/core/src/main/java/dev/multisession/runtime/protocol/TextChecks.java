package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Finds text that cannot travel unchanged: a JSON string may spell a lone UTF-16 surrogate
 * ({@code "\ud800"}), which Java keeps but UTF-8 cannot encode, so it would reach other
 * terminals as {@code ?}. Such a message is refused instead of being silently altered. The
 * operations of a terminal's mutation are checked by {@link ValueLimits} instead, in the walk
 * that checks their limits, so that the hub walks a mutation's values once.
 */
final class TextChecks {

    private TextChecks() {}

    /**
     * Where in {@code message} a member name or string holds a lone surrogate ({@code "user"},
     * {@code "orders[0].data.note"}), or null; the member {@code skipped} (if not null) is left
     * to another walk.
     */
    static String loneSurrogate(ObjectNode message, String skipped) {
        for (Map.Entry<String, JsonNode> member : message.properties()) {
            if (!wellFormed(member.getKey())) {
                return "a member name in the message";
            }
            if (!member.getKey().equals(skipped)) {
                String found = find(member.getValue(), member.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String find(JsonNode node, String path) {
        if (node.isTextual()) {
            return wellFormed(node.textValue()) ? null : (path.isEmpty() ? "the message" : path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                if (!wellFormed(member.getKey())) {
                    return "a member name in " + (path.isEmpty() ? "the message" : path);
                }
                String found = find(member.getValue(), memberPath);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether every surrogate in {@code text} is half of a proper pair. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
