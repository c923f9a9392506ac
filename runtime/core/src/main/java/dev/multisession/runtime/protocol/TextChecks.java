package dev.multisession.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Finds text that cannot travel or be kept unchanged: a JSON string may spell a lone UTF-16
 * surrogate ({@code "\ud800"}), which Java keeps but UTF-8 cannot encode, so it would reach other
 * terminals as {@code ?}; and in a message to the hub, the character U+0000 ({@code "\u0000"}),
 * which a PostgreSQL store can keep neither in {@code text} nor in {@code jsonb}, so the hub
 * would accept what its transaction then fails on. Such a message is refused instead. The
 * operations of a terminal's mutation are checked by {@link ValueLimits} instead, in the walk
 * that checks their limits, so that the hub walks a mutation's values once.
 */
final class TextChecks {

    private TextChecks() {}

    /** Why a text with a lone surrogate is refused. */
    static final String LONE_SURROGATE = "holds a lone UTF-16 surrogate, which cannot be sent on as UTF-8";
    /** Why a text to be stored by the hub is refused when it holds U+0000. */
    static final String NUL = "holds the character U+0000, which the hub's store cannot keep";

    /**
     * Where in {@code message} a member name or string holds a lone surrogate, or U+0000 when
     * the message goes to the hub ({@code toHub}), and why ({@code "user holds ..."},
     * {@code "orders[0].data.note holds ..."}), or null; the member {@code skipped} (if not null)
     * is left to another walk.
     */
    static String badText(ObjectNode message, String skipped, boolean toHub) {
        for (Map.Entry<String, JsonNode> member : message.properties()) {
            String problem = problem(member.getKey(), toHub);
            if (problem != null) {
                return "a member name in the message " + problem;
            }
            if (!member.getKey().equals(skipped)) {
                String found = find(member.getValue(), member.getKey(), toHub);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String find(JsonNode node, String path, boolean toHub) {
        if (node.isTextual()) {
            String problem = problem(node.textValue(), toHub);
            return problem == null ? null : (path.isEmpty() ? "the message" : path) + " " + problem;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]", toHub);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                String problem = problem(member.getKey(), toHub);
                if (problem != null) {
                    return "a member name in " + (path.isEmpty() ? "the message" : path) + " " + problem;
                }
                String found = find(member.getValue(), memberPath, toHub);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Why {@code text} cannot travel unchanged (a lone surrogate), or, when {@code toHub}, be
     * kept by the hub's store (U+0000); null if it can. One pass over its characters.
     */
    static String problem(String text, boolean toHub) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return LONE_SURROGATE;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            } else if (c == 0 && toHub) {
                return NUL;
            }
        }
        return null;
    }
}
