package dev.multisession.runtime.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.protocol.ValueLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The merge rules: applies operations to an order's JSON, the same code on the hub and on every
 * terminal, so replicas that apply the same operations in the same order are equal.
 *
 * <ul>
 *   <li>{@code set}: last writer wins; missing objects on the way are created. An element step
 *       that selects nothing is a conflict ({@link Reason#ELEMENT_REMOVED}), also one below a
 *       missing or null value, where nothing is created.</li>
 *   <li>{@code add}: adds the delta to the number (missing or null counts as 0), exactly: in
 *       {@code long} when both are integral, in {@link BigDecimal} otherwise. Adding to a
 *       non-number is a conflict ({@link Reason#TYPE_MISMATCH}).</li>
 *   <li>{@code insert}: into the array at the path (created if missing), after the element
 *       {@code afterId} (JSON null: at the front; an id no longer there: at the end). If an
 *       element with the id exists, the value's members are set on it instead.</li>
 *   <li>{@code delete}: removes the element; already gone is a no-op.</li>
 *   <li>{@code unset}: removes one member of an object (a key of a synced map); already gone is
 *       a no-op. Keys of one map set, added to and unset by several terminals merge key by key.</li>
 *   <li>{@code include} / {@code exclude}: adds a value to the array (a synced set; created if
 *       missing) unless an equal one is there / removes every equal value. Values compare as
 *       {@link JsonValues#same}; a set merges additions and removals value by value.</li>
 * </ul>
 *
 * A conflicting operation leaves the state untouched. Stateless and thread-safe; the states it is
 * handed are changed in place and must be confined by the caller.
 */
public final class MergeEngine {

    private static final MergeEngine INSTANCE = new MergeEngine();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MergeEngine() {}

    /** The shared instance. */
    public static MergeEngine instance() {
        return INSTANCE;
    }

    /** Applies the operations in order to {@code state}; one outcome per operation. */
    public List<OpOutcome> applyAll(ObjectNode state, List<Op> ops) {
        List<OpOutcome> outcomes = new ArrayList<>(ops.size());
        for (Op op : ops) {
            outcomes.add(apply(state, op));
        }
        return outcomes;
    }

    /** Applies one operation to {@code state}. */
    public OpOutcome apply(ObjectNode state, Op op) {
        List<PathStep> path = op.path();
        boolean create = !(op instanceof Op.Delete || op instanceof Op.Unset || op instanceof Op.Exclude);
        Object parent = walk(state, path, create);
        if (parent instanceof PendingConflict failure) {
            return OpOutcome.conflict(op, failure.reason(), failure.message());
        }
        if (parent == null) {
            return OpOutcome.noOp(op);
        }
        if (op instanceof Op.Set set) {
            return set((ObjectNode) parent, set);
        }
        if (op instanceof Op.Add add) {
            return add((ObjectNode) parent, add);
        }
        if (op instanceof Op.Insert insert) {
            return insert((ArrayNode) parent, insert);
        }
        if (op instanceof Op.Unset unset) {
            return unset((ObjectNode) parent, unset);
        }
        if (op instanceof Op.Include include) {
            return SetMembers.include((ObjectNode) parent, include);
        }
        if (op instanceof Op.Exclude exclude) {
            return SetMembers.exclude((ObjectNode) parent, exclude);
        }
        return delete((ArrayNode) parent, (Op.Delete) op);
    }

    private static OpOutcome unset(ObjectNode parent, Op.Unset op) {
        String key = ((PathStep.Key) last(op.path())).name();
        return parent.remove(key) == null ? OpOutcome.noOp(op) : OpOutcome.applied(op);
    }

    private static OpOutcome set(ObjectNode parent, Op.Set op) {
        String key = ((PathStep.Key) last(op.path())).name();
        JsonNode current = parent.get(key);
        if (current != null && JsonValues.same(current, op.value())) {
            return OpOutcome.noOp(op);
        }
        parent.set(key, op.value().deepCopy());
        return OpOutcome.applied(op);
    }

    private static OpOutcome add(ObjectNode parent, Op.Add op) {
        String key = ((PathStep.Key) last(op.path())).name();
        JsonNode current = parent.get(key);
        if (current != null && !current.isNull() && !current.isNumber()) {
            return OpOutcome.conflict(op, Reason.TYPE_MISMATCH,
                    "cannot add to '" + key + "': it holds " + current.getNodeType().name().toLowerCase() + ", not a number");
        }
        JsonNode delta = op.delta();
        if (delta.decimalValue().signum() == 0) {
            return OpOutcome.noOp(op);
        }
        JsonNode total = sum(current == null || current.isNull() ? LongNode.valueOf(0) : current, delta);
        if (!total.canConvertToLong() && !ValueLimits.DEFAULT.number(total.decimalValue())) {
            return OpOutcome.conflict(op, Reason.OUT_OF_RANGE, "adding " + delta + " to '" + key + "' gives a number that "
                    + ValueLimits.DEFAULT.tooLargeOrFine());
        }
        parent.set(key, total);
        return OpOutcome.applied(op);
    }

    static JsonNode sum(JsonNode a, JsonNode b) {
        if (integral(a) && integral(b)) {
            try {
                return LongNode.valueOf(Math.addExact(a.longValue(), b.longValue()));
            } catch (ArithmeticException overflow) {
                // falls through to exact decimal arithmetic
            }
        }
        BigDecimal total = a.decimalValue().add(b.decimalValue());
        return DecimalNode.valueOf(total);
    }

    private static boolean integral(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong();
    }

    private static OpOutcome insert(ArrayNode array, Op.Insert op) {
        PathStep.Element element = op.element();
        JsonNode valueId = op.value().get(element.idKey());
        if (valueId != null && !element.selects(op.value())) {
            return OpOutcome.conflict(op, Reason.TYPE_MISMATCH,
                    "inserted element's '" + element.idKey() + "' is " + valueId + ", its path says " + element.id());
        }
        int existing = indexOf(array, element);
        if (existing >= 0) {
            JsonNode target = array.get(existing);
            if (!target.isObject()) {
                return OpOutcome.conflict(op, Reason.TYPE_MISMATCH, "element " + element + " is not an object");
            }
            boolean changed = false;
            for (Map.Entry<String, JsonNode> member : op.value().properties()) {
                JsonNode current = target.get(member.getKey());
                if (current == null || !JsonValues.same(current, member.getValue())) {
                    ((ObjectNode) target).set(member.getKey(), member.getValue().deepCopy());
                    changed = true;
                }
            }
            return changed ? OpOutcome.applied(op) : OpOutcome.noOp(op);
        }
        ObjectNode value = op.value().deepCopy();
        if (valueId == null) {
            value.set(element.idKey(), element.id());
        }
        int position;
        if (op.afterId().isNull()) {
            position = 0;
        } else {
            int after = indexOf(array, new PathStep.Element(element.idKey(), op.afterId()));
            position = after < 0 ? array.size() : after + 1;
        }
        array.insert(position, value);
        return OpOutcome.applied(op);
    }

    private static OpOutcome delete(ArrayNode array, Op.Delete op) {
        int index = indexOf(array, op.element());
        if (index < 0) {
            return OpOutcome.noOp(op);
        }
        array.remove(index);
        return OpOutcome.applied(op);
    }

    /**
     * Follows every step but the last. Returns the container the last step applies to (an object
     * for a key, an array for an element), null when a delete finds nothing to delete, or an
     * {@link PendingConflict}.
     */
    private static Object walk(ObjectNode state, List<PathStep> path, boolean create) {
        JsonNode current = state;
        for (int i = 0; i < path.size(); i++) {
            PathStep step = path.get(i);
            boolean lastStep = i == path.size() - 1;
            if (step instanceof PathStep.Key key) {
                if (!current.isObject()) {
                    return conflict(Reason.TYPE_MISMATCH, "cannot step into '" + key.name() + "' of a "
                            + current.getNodeType().name().toLowerCase() + " at " + path.subList(0, i));
                }
                if (lastStep) {
                    return current;
                }
                JsonNode next = current.get(key.name());
                if (next == null || next.isNull()) {
                    if (!create) {
                        return null;
                    }
                    // what would be made here is empty: an element step further down selects
                    // nothing, and a conflict must leave no empty containers behind
                    PendingConflict nothingThere = elementBelow(path, i + 1);
                    if (nothingThere != null) {
                        return nothingThere;
                    }
                    next = path.get(i + 1) instanceof PathStep.Element ? JSON.arrayNode() : JSON.objectNode();
                    ((ObjectNode) current).set(key.name(), next);
                }
                current = next;
            } else {
                PathStep.Element element = (PathStep.Element) step;
                if (!current.isArray()) {
                    return conflict(Reason.TYPE_MISMATCH, "cannot select element " + element + " of a "
                            + current.getNodeType().name().toLowerCase() + " at " + path.subList(0, i));
                }
                if (lastStep) {
                    return current;
                }
                int index = indexOf((ArrayNode) current, element);
                if (index < 0) {
                    if (!create) {
                        return null;
                    }
                    return conflict(Reason.ELEMENT_REMOVED, "element " + element + " at " + path.subList(0, i)
                            + " was removed");
                }
                current = current.get(index);
            }
        }
        throw new IllegalStateException("unreachable: paths are never empty");
    }

    /** The conflict of the first element step from {@code from} on that is not the path's last, or null if none. */
    private static PendingConflict elementBelow(List<PathStep> path, int from) {
        for (int j = from; j < path.size() - 1; j++) {
            if (path.get(j) instanceof PathStep.Element element) {
                return conflict(Reason.ELEMENT_REMOVED, "element " + element + " at " + path.subList(0, j) + " was removed");
            }
        }
        return null;
    }

    private static PendingConflict conflict(String reason, String message) {
        return new PendingConflict(reason, message);
    }

    /** The index of the first object of {@code array} that {@code element} selects, or -1. */
    static int indexOf(ArrayNode array, PathStep.Element element) {
        for (int i = 0; i < array.size(); i++) {
            JsonNode candidate = array.get(i);
            if (candidate.isObject() && element.selects(candidate)) {
                return i;
            }
        }
        return -1;
    }

    private static PathStep last(List<PathStep> path) {
        return path.get(path.size() - 1);
    }

    /** A conflict found while walking, before it is tied to its operation. */
    private record PendingConflict(String reason, String message) {}
}
