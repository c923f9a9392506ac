package dev.multisession.runtime.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.FieldShape;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.PolymorphicCodec;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.runtime.merge.JsonValues;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an edit into operations: compares a model's export with the state the terminal shows
 * (the hub's state plus its own pending operations), field by field, using the codec's field
 * metadata.
 *
 * <ul>
 *   <li>the id is never diffed, except that it is set when the base lacks it (a new order);</li>
 *   <li>a value is set whole when it differs; a {@link Merge#COUNTER} number becomes an
 *       {@code add} of the difference, so concurrent increments add up;</li>
 *   <li>a map of values is compared key by key and a set of values value by value (see
 *       {@link ValueDiffs});</li>
 *   <li>a nested model is diffed field by field (set whole when either side is null);</li>
 *   <li>a collection of models with an id: removed ids are deleted, new ids inserted after the
 *       element that precedes them, kept ids diffed recursively under their element step; a
 *       collection of models without an id is set whole. Moving an existing element within
 *       its collection is not synced.</li>
 * </ul>
 */
public final class Diff {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Diff() {}

    /** The operations that turn {@code base} into {@code current}, two exports of a model of {@code codec}. */
    public static List<Op> between(MultiSessionCodec<?> codec, ObjectNode base, ObjectNode current) {
        List<Op> ops = new ArrayList<>();
        diffObject(codec, base, current, List.of(), ops);
        return ops;
    }

    private static void diffObject(MultiSessionCodec<?> declared, JsonNode base, JsonNode current,
            List<PathStep> at, List<Op> ops) {
        // an element of a polymorphic type is diffed with its subtype's fields; its type key never
        // changes (a changed subtype is refused by the hub), so it is not diffed
        MultiSessionCodec<?> codec = declared.codecFor(current);
        for (SyncedField field : codec.fields()) {
            String key = field.jsonKey();
            JsonNode before = base.get(key);
            JsonNode after = current.get(key);
            if (after == null) {
                continue; // not exported: nothing to say
            }
            List<PathStep> path = append(at, PathStep.key(key));
            if (field.shape() == FieldShape.ID) {
                if (isNull(before) && !isNull(after)) {
                    ops.add(new Op.Set(path, after.deepCopy()));
                }
            } else if (field.shape() == FieldShape.VALUE) {
                diffValue(field, before, after, path, ops);
            } else if (field.shape() == FieldShape.VALUE_MAP) {
                ValueDiffs.map(field.merge(), before, after, path, ops);
            } else if (field.shape() == FieldShape.VALUE_SET) {
                ValueDiffs.set(before, after, path, ops);
            } else if (field.shape() == FieldShape.MODEL) {
                if (before != null && before.isObject() && after.isObject() && sameType(before, after)) {
                    diffObject(field.elementCodec(), before, after, path, ops);
                } else if (before == null || !JsonValues.same(before, after)) {
                    ops.add(new Op.Set(path, after.deepCopy()));
                }
            } else {
                diffCollection(field, before, after, path, ops);
            }
        }
    }

    private static void diffValue(SyncedField field, JsonNode before, JsonNode after, List<PathStep> path,
            List<Op> ops) {
        if (before != null && JsonValues.same(before, after)) {
            return;
        }
        boolean counter = field.merge() == Merge.COUNTER;
        if (counter && after.isNumber() && (isNull(before) || before.isNumber())) {
            JsonNode from = isNull(before) ? LongNode.valueOf(0) : before;
            JsonNode delta = difference(after, from);
            if (delta.decimalValue().signum() != 0) {
                // adding zero changes nothing anywhere (the merge leaves a missing counter missing),
                // so it would only make every later edit of the order send it again
                ops.add(new Op.Add(path, delta));
            }
        } else {
            ops.add(new Op.Set(path, after.deepCopy()));
        }
    }

    private static void diffCollection(SyncedField field, JsonNode before, JsonNode after, List<PathStep> path,
            List<Op> ops) {
        Optional<String> idKey = field.elementIdKey();
        boolean beforeList = before == null || before.isNull() || before.isArray();
        if (idKey.isEmpty() || !after.isArray() || !beforeList || !allHaveIds((ArrayNode) after, idKey.get())) {
            if (!JsonValues.same(before, after) || before == null) {
                ops.add(new Op.Set(path, after.deepCopy()));
            }
            return;
        }
        String id = idKey.get();
        ArrayNode old = before != null && before.isArray() ? (ArrayNode) before : JSON.arrayNode();
        if (before == null || before.isNull()) {
            if (after.isEmpty()) {
                ops.add(new Op.Set(path, after.deepCopy()));
                return;
            }
        }
        for (JsonNode element : old) {
            JsonNode elementId = element.get(id);
            if (elementId != null && !elementId.isNull() && find((ArrayNode) after, id, elementId) == null) {
                ops.add(new Op.Delete(append(path, PathStep.element(id, elementId))));
            }
        }
        JsonNode previous = NullNode.getInstance();
        for (JsonNode element : after) {
            JsonNode elementId = element.get(id);
            List<PathStep> elementPath = append(path, PathStep.element(id, elementId));
            JsonNode existing = find(old, id, elementId);
            if (existing != null && !sameType(existing, element)) {
                // an element never changes its subtype in place: it is replaced
                ops.add(new Op.Delete(elementPath));
                existing = null;
            }
            if (existing == null) {
                ops.add(new Op.Insert(elementPath, (ObjectNode) element.deepCopy(), previous.deepCopy()));
            } else {
                diffObject(field.elementCodec(), existing, element, elementPath, ops);
            }
            previous = elementId;
        }
    }

    /** Whether two objects name the same subtype (both none, for a model that is not polymorphic). */
    private static boolean sameType(JsonNode before, JsonNode after) {
        return Objects.equals(before.get(PolymorphicCodec.TYPE_KEY), after.get(PolymorphicCodec.TYPE_KEY));
    }

    private static boolean allHaveIds(ArrayNode array, String idKey) {
        for (JsonNode element : array) {
            JsonNode id = element.get(idKey);
            if (!element.isObject() || id == null || !(id.isTextual() || id.isNumber())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode find(ArrayNode array, String idKey, JsonNode id) {
        PathStep.Element step = PathStep.element(idKey, id);
        for (JsonNode element : array) {
            if (element.isObject() && step.selects(element)) {
                return element;
            }
        }
        return null;
    }

    static JsonNode difference(JsonNode a, JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber() && a.canConvertToLong() && b.canConvertToLong()) {
            try {
                return LongNode.valueOf(Math.subtractExact(a.longValue(), b.longValue()));
            } catch (ArithmeticException overflow) {
                // exact decimal below
            }
        }
        return DecimalNode.valueOf(a.decimalValue().subtract(b.decimalValue()));
    }

    static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }

    static List<PathStep> append(List<PathStep> path, PathStep step) {
        List<PathStep> longer = new ArrayList<>(path.size() + 1);
        longer.addAll(path);
        longer.add(step);
        return longer;
    }
}
