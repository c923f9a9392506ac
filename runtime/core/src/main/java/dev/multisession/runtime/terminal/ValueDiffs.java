package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.merge.JsonValues;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.util.List;
import java.util.Map;

/**
 * The operations for a synced map or set of values, element by element, so that two terminals
 * changing different keys or values at once both count:
 *
 * <ul>
 *   <li>a map: a removed key is {@code unset}, a new or changed key {@code set} under
 *       {@code [field, key]} ({@link Merge#COUNTER}: an {@code add} of the difference);</li>
 *   <li>a set: a removed value is {@code exclude}d, a new one {@code include}d.</li>
 * </ul>
 *
 * Where the base has no such key at all (the first mutation of a new order) or either side is
 * not a map or set, the value is set whole: nobody else can have changed it yet.
 */
final class ValueDiffs {

    private ValueDiffs() {}

    static void map(Merge merge, JsonNode before, JsonNode after, List<PathStep> path, List<Op> ops) {
        if (before == null || !after.isObject() || !(before.isObject() || before.isNull())
                || before.isNull() && after.isEmpty()) {
            setWhole(before, after, path, ops);
            return;
        }
        if (before.isObject()) {
            for (Map.Entry<String, JsonNode> old : before.properties()) {
                if (!after.has(old.getKey())) {
                    ops.add(new Op.Unset(Diff.append(path, PathStep.key(old.getKey()))));
                }
            }
        }
        for (Map.Entry<String, JsonNode> entry : after.properties()) {
            JsonNode was = before.get(entry.getKey());
            JsonNode now = entry.getValue();
            if (was != null && JsonValues.same(was, now)) {
                continue;
            }
            List<PathStep> at = Diff.append(path, PathStep.key(entry.getKey()));
            if (merge == Merge.COUNTER && now.isNumber() && (Diff.isNull(was) || was.isNumber())) {
                JsonNode delta = Diff.difference(now, Diff.isNull(was) ? LongNode.valueOf(0) : was);
                ops.add(delta.decimalValue().signum() == 0 ? new Op.Set(at, now.deepCopy()) : new Op.Add(at, delta));
            } else {
                ops.add(new Op.Set(at, now.deepCopy()));
            }
        }
    }

    static void set(JsonNode before, JsonNode after, List<PathStep> path, List<Op> ops) {
        if (before == null || !after.isArray() || !(before.isArray() || before.isNull())
                || before.isNull() && after.isEmpty()) {
            setWhole(before, after, path, ops);
            return;
        }
        if (before.isArray()) {
            for (JsonNode old : before) {
                if (!contains(after, old)) {
                    ops.add(new Op.Exclude(path, old.deepCopy()));
                }
            }
        }
        for (JsonNode value : after) {
            if (before.isNull() || !contains(before, value)) {
                ops.add(new Op.Include(path, value.deepCopy()));
            }
        }
    }

    private static void setWhole(JsonNode before, JsonNode after, List<PathStep> path, List<Op> ops) {
        if (before == null || !JsonValues.same(before, after)) {
            ops.add(new Op.Set(path, after.deepCopy()));
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (JsonValues.same(element, value)) {
                return true;
            }
        }
        return false;
    }
}
