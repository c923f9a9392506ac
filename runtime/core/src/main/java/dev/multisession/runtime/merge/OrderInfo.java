package dev.multisession.runtime.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.util.List;

/**
 * Who created and last changed an order and each element of its collections, derived from the
 * applied operations and their author. The hub stores it and sends it in snapshots; terminals
 * derive the same from each broadcast change with this class, so it never travels with ops.
 *
 * <pre>{@code
 * {"created": {"terminal":"T1","user":"anna","time":"2026-11-28T19:30:00Z"},
 *  "changed": {...},
 *  "elements": {"lines": {"L1": {"created": {...}, "changed": {...}}}}}
 * }</pre>
 *
 * Element ids are keyed by their text form. Only elements of the order's own collections
 * (paths that start with a key and an element step) are tracked.
 */
public final class OrderInfo {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OrderInfo() {}

    /** Records in {@code info} that {@code author} applied {@code applied} (operations that changed the order). */
    public static void record(ObjectNode info, List<Op> applied, Author author) {
        if (applied.isEmpty()) {
            return;
        }
        ObjectNode stamp = stamp(author);
        if (!info.has("created")) {
            info.set("created", stamp.deepCopy());
        }
        info.set("changed", stamp.deepCopy());
        for (Op op : applied) {
            List<PathStep> path = op.path();
            if (path.size() < 2 || !(path.get(0) instanceof PathStep.Key key)
                    || !(path.get(1) instanceof PathStep.Element element)) {
                continue;
            }
            ObjectNode elements = info.has("elements") ? (ObjectNode) info.get("elements") : info.putObject("elements");
            ObjectNode collection = elements.has(key.name())
                    ? (ObjectNode) elements.get(key.name()) : elements.putObject(key.name());
            String id = element.id().asText();
            if (op instanceof Op.Delete && path.size() == 2) {
                collection.remove(id);
                continue;
            }
            JsonNode existing = collection.get(id);
            ObjectNode entry = existing instanceof ObjectNode object ? object : collection.putObject(id);
            if (!entry.has("created")) {
                entry.set("created", stamp.deepCopy());
            }
            entry.set("changed", stamp.deepCopy());
        }
    }

    /**
     * {@link #record}, on a copy of {@code stored} that shares with it everything the operations
     * do not touch ({@link SharedCopy}): {@code stored} stays as it was, and the copy costs the
     * entries changed, not the whole info.
     */
    public static ObjectNode recordOnCopy(ObjectNode stored, List<Op> applied, Author author) {
        SharedCopy copy = SharedCopy.of(stored);
        for (Op op : applied) {
            List<PathStep> path = op.path();
            if (path.size() >= 2 && path.get(0) instanceof PathStep.Key key
                    && path.get(1) instanceof PathStep.Element element) {
                copy.own(List.of(PathStep.key("elements"), key, PathStep.key(element.id().asText())));
            }
        }
        record(copy.root(), applied, author);
        return copy.root();
    }

    /** An info object with nothing recorded yet. */
    public static ObjectNode empty() {
        return JSON.objectNode();
    }

    /** The JSON form of an author: {@code {"terminal":..,"user":..,"time":"<ISO-8601>"}}. */
    public static ObjectNode stamp(Author author) {
        ObjectNode stamp = JSON.objectNode();
        stamp.put("terminal", author.terminal());
        stamp.put("user", author.user());
        stamp.put("time", author.time().toString());
        return stamp;
    }
}
