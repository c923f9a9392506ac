package dev.multisession.runtime.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import java.util.List;

/**
 * The merge of a synced {@code Set}: a JSON array whose values are included and excluded one by
 * one, so that two terminals adding (or removing) different values at once both count. Values
 * compare as {@link JsonValues#same} (numbers by value).
 */
final class SetMembers {

    private SetMembers() {}

    /** Adds the value to the array under the path's last key (created if missing) unless it holds an equal one. */
    static OpOutcome include(ObjectNode parent, Op.Include op) {
        String key = lastKey(op.path());
        JsonNode current = parent.get(key);
        if (current != null && !current.isNull() && !current.isArray()) {
            return mismatch(op, key, current);
        }
        ArrayNode members = current == null || current.isNull() ? parent.putArray(key) : (ArrayNode) current;
        if (indexOf(members, op.value()) >= 0) {
            return OpOutcome.noOp(op);
        }
        members.add(op.value().deepCopy());
        return OpOutcome.applied(op);
    }

    /** Removes every value equal to the op's from the array under the path's last key. */
    static OpOutcome exclude(ObjectNode parent, Op.Exclude op) {
        String key = lastKey(op.path());
        JsonNode current = parent.get(key);
        if (current == null || current.isNull()) {
            return OpOutcome.noOp(op);
        }
        if (!current.isArray()) {
            return mismatch(op, key, current);
        }
        ArrayNode members = (ArrayNode) current;
        boolean removed = false;
        for (int index = indexOf(members, op.value()); index >= 0; index = indexOf(members, op.value())) {
            members.remove(index);
            removed = true;
        }
        return removed ? OpOutcome.applied(op) : OpOutcome.noOp(op);
    }

    private static int indexOf(ArrayNode members, JsonNode value) {
        for (int i = 0; i < members.size(); i++) {
            if (JsonValues.same(members.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    private static OpOutcome mismatch(Op op, String key, JsonNode current) {
        return OpOutcome.conflict(op, Reason.TYPE_MISMATCH, "'" + key + "' holds "
                + current.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a set");
    }

    private static String lastKey(List<PathStep> path) {
        return ((PathStep.Key) path.get(path.size() - 1)).name();
    }
}
