package dev.multisession.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.protocol.IdValues;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an operation against a session's model before the hub applies it: the path names
 * declared fields, and steps into elements only of a collection of models with an id, by that
 * id and with an id of the right kind; a {@code set} value has the field's kind and fits its
 * range, and never changes an id; an {@code add} is on a {@code COUNTER} field, with a delta
 * its kind allows and a result in its range; an {@code insert} value is an element of the
 * collection's model. Whether the element a path names still exists is the merge's business
 * ({@code element_removed}), not this class's. Pure: the state is only read.
 */
public final class OpChecks {

    private static final ValueKind UNBOUNDED_INTEGER = new ValueKind.IntegerKind(Optional.empty(), Optional.empty());
    private static final OpChecks NONE = new OpChecks(null, UnknownKeys.PASS_THROUGH);

    private final SessionSchema schema;
    private final ValueCheck values;

    private OpChecks(SessionSchema schema, UnknownKeys unknownKeys) {
        this.schema = schema;
        this.values = schema == null ? null : new ValueCheck(schema, unknownKeys);
    }

    /** Checks nothing: a hub bound to no model (only the protocol's limits then apply). */
    public static OpChecks none() {
        return NONE;
    }

    /** Checks against {@code schema}, treating keys it does not know as {@code unknownKeys} says. */
    public static OpChecks against(SessionSchema schema, UnknownKeys unknownKeys) {
        return new OpChecks(Objects.requireNonNull(schema, "schema"), Objects.requireNonNull(unknownKeys, "unknownKeys"));
    }

    /** Whether this checks anything. */
    public boolean active() {
        return schema != null;
    }

    /**
     * Whether an {@code add} that passes these checks can only change a declared counter, so an
     * order grows by at most a number's digits through it: true with a model whose unknown keys
     * are refused. The hub then spares add-only mutations the walk over the whole order.
     */
    public boolean addsOnlyChangeDeclaredCounters() {
        return schema != null && values.unknownKeys() == UnknownKeys.REFUSE;
    }

    /**
     * Whether {@code add}, which passed {@link #check}, changes a declared counter field, so it
     * grows the order by at most a number's digits; false for a key of a counter map, which may
     * be a new key, and whenever {@link #addsOnlyChangeDeclaredCounters()} is false.
     */
    public boolean changesDeclaredCounter(Op.Add add) {
        if (!addsOnlyChangeDeclaredCounters()) {
            return false;
        }
        ModelSchema model = schema.rootModel();
        FieldSchema field = null;
        for (PathStep step : add.path()) {
            if (field == null) {
                if (!(step instanceof PathStep.Key key) || (field = model.fields().get(key.name())) == null) {
                    return false;
                }
                if (field.kind() instanceof ValueKind.ModelKind nested) {
                    model = schema.model(nested.model());
                    field = null;
                }
            } else if (field.kind() instanceof ValueKind.ModelCollectionKind collection) {
                model = schema.model(collection.model());
                field = null;
            } else {
                // a step into a map names one of its keys, perhaps a new one
                return false;
            }
        }
        return field != null && field.merge() == Merge.COUNTER && !(field.kind() instanceof ValueKind.MapKind);
    }

    /**
     * What is wrong with {@code op} on an order whose JSON is {@code state}, said for a client
     * author; null if nothing is (or if the path leaves the model through a key it does not know
     * and unknown keys pass through).
     */
    public String check(ObjectNode state, Op op) {
        if (schema == null) {
            return null;
        }
        List<PathStep> path = op.path();
        ModelSchema model = schema.rootModel();
        FieldSchema field = null;
        // the element step of the last element entered, to check an id set inside that element
        PathStep.Element inElement = null;
        for (int i = 0; i < path.size(); i++) {
            PathStep step = path.get(i);
            if (field == null) {
                if (!(step instanceof PathStep.Key key)) {
                    return at(path, i) + ": a " + ValueCheck.simpleName(model) + " is an object; a step into it names a key";
                }
                if (key.name().equals(ModelSchema.TYPE_KEY)) { // no field has it (MS-TYPE-KEY-FIELD)
                    return at(path, i) + ": the type key \"" + ModelSchema.TYPE_KEY + "\" comes with its object and never"
                            + " changes; delete the element and insert one of the other type";
                }
                field = model.fields().get(key.name());
                if (field == null) {
                    return values.unknownKeys() == UnknownKeys.REFUSE
                            ? at(path, i) + ": \"" + key.name() + "\" is not a field of " + ValueCheck.simpleName(model) : null;
                }
                if (i < path.size() - 1 && field.kind() instanceof ValueKind.ModelKind nested) {
                    model = schema.model(nested.model());
                    if (model.polymorphic()) {
                        // its fields are those of the subtype the object there now names
                        model = actual(state, path, i, model);
                        if (model == null) {
                            return at(path, i) + ": holds no object of a known type yet; set the whole object, with"
                                    + " its \"" + ModelSchema.TYPE_KEY + "\", first";
                        }
                    }
                    field = null;
                    inElement = null;
                }
                continue;
            }
            if (field.kind() instanceof ValueKind.MapKind map && step instanceof PathStep.Key member
                    && i == path.size() - 1) {
                return mapMemberOp(state, op, field, map, member);
            }
            if (!(field.kind() instanceof ValueKind.ModelCollectionKind collection) || collection.idKey().isEmpty()) {
                return at(path, i) + ": \"" + field.key() + "\" holds " + field.kind().describe()
                        + (field.kind() instanceof ValueKind.ModelCollectionKind ? " without ids" : "")
                        + "; a path cannot step into it";
            }
            PathStep.Element element = step instanceof PathStep.Element e ? e : null;
            if (element == null || !element.idKey().equals(collection.idKey().get())) {
                return at(path, i) + ": the elements of \"" + field.key() + "\" are selected by {\""
                        + collection.idKey().get() + "\": id}";
            }
            ModelSchema elementModel = schema.model(collection.model());
            FieldSchema idField = elementModel.fields().get(collection.idKey().get());
            ValueCheck.Problem badId = values.problem(idField.kind(), false, element.id());
            if (badId != null) {
                return badId.at(at(path, i) + ": the id");
            }
            if (i == path.size() - 1) {
                return elementOp(state, op, elementModel, path, i);
            }
            model = elementModel;
            if (model.polymorphic()) {
                model = actual(state, path, i, model);
                if (model == null) {
                    return null; // no such element: the merge answers element_removed
                }
            }
            field = null;
            inElement = element;
        }
        if (op instanceof Op.Set set) {
            return set(state, set, field, inElement);
        }
        if (op instanceof Op.Add add) {
            return add(state, add, field.merge(), field.kind(), field.key());
        }
        if (op instanceof Op.Include include) {
            return setMemberOp(include, include.value(), field);
        }
        if (op instanceof Op.Exclude exclude) {
            return setMemberOp(exclude, exclude.value(), field);
        }
        if (op instanceof Op.Unset) {
            return whole(op) + ": unset removes one key of a map; \"" + field.key() + "\" holds "
                    + field.kind().describe() + (field.kind() instanceof ValueKind.MapKind ? "; name the key after it" : "");
        }
        return at(path, path.size() - 1) + ": an " + opName(op) + " ends with an element step";
    }

    /**
     * What is wrong with the id of order {@code order} as a mutation leaves it ({@code result}),
     * said for a client author; null if nothing is, or if the model gives orders no id. An order
     * carries the uid it travels under as its id, written as a terminal's model writes it: a
     * terminal knows its orders by that uid and sends no edit whose export names another id (or
     * none, or a number 0, which it reads as none), so an order made without its id, or under
     * another order's, could be edited on no terminal again.
     */
    public String orderIdProblem(String order, ObjectNode result) {
        if (schema == null || schema.rootModel().idKey().isEmpty()) {
            return null;
        }
        String idKey = schema.rootModel().idKey().get();
        JsonNode id = result.get(idKey);
        if (id == null || id.isNull() || id.isNumber() && id.decimalValue().signum() == 0) {
            return "order " + order + " would have no \"" + idKey + "\"" + (id == null || id.isNull() ? "" : " (0 is none)")
                    + "; the change that creates an order sets its id to its uid, " + order;
        }
        String written = idText(id, schema.rootModel().fields().get(idKey).kind());
        if (written.equals(order)) {
            return null;
        }
        return "order " + order + ": its \"" + idKey + "\" would be " + id
                + (written.equals(id.asText()) ? "" : ", which a terminal writes as " + written)
                + "; an order's id is the uid it travels under, " + order;
    }

    /** An id as a terminal's model writes it: a number in its plain digits, a UUID in lower case. */
    private static String idText(JsonNode id, ValueKind kind) {
        if (id.isNumber()) {
            return id.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (kind instanceof ValueKind.FormattedKind formatted && formatted.format() == TextFormat.UUID_TEXT) {
            return id.asText().toLowerCase(Locale.ROOT);
        }
        return id.asText();
    }

    /**
     * An operation on one key of a synced map ({@code [..., field, key]}): {@code set} a value of
     * the map's kind, {@code unset} it, or {@code add} to it when the map's values are counters.
     */
    private String mapMemberOp(ObjectNode state, Op op, FieldSchema field, ValueKind.MapKind map, PathStep.Key member) {
        if (op instanceof Op.Set set) {
            ValueCheck.Problem problem = values.problem(map.value(), map.valueNullable(), set.value());
            return problem == null ? null : problem.at(whole(op));
        }
        if (op instanceof Op.Unset) {
            return null;
        }
        if (op instanceof Op.Add add) {
            return add(state, add, field.merge(), map.value(), field.key() + "." + member.name());
        }
        return whole(op) + ": a key of the map \"" + field.key() + "\" takes set, unset or add, not " + opName(op);
    }

    /** {@code include} or {@code exclude}: only on a synced set, with a value of its element kind. */
    private String setMemberOp(Op op, JsonNode value, FieldSchema field) {
        if (!(field.kind() instanceof ValueKind.SetKind set)) {
            return whole(op) + ": " + opName(op) + " is for sets of values; \"" + field.key() + "\" holds "
                    + field.kind().describe();
        }
        ValueCheck.Problem problem = values.problem(set.element(), set.elementNullable(), value);
        return problem == null ? null : problem.at(whole(op) + ": the value");
    }

    private static String opName(Op op) {
        return op.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private String set(ObjectNode state, Op.Set op, FieldSchema field, PathStep.Element inElement) {
        ValueCheck.Problem problem = values.problem(field.kind(), field.nullable(), op.value());
        if (problem != null) {
            return problem.at(whole(op));
        }
        if (field.id()) {
            if (inElement != null && !sameId(inElement.id(), op.value())) {
                return whole(op) + ": an element's id is the one its path names, " + inElement.id() + ", not " + op.value();
            }
            JsonNode current = currentValue(state, op.path());
            if (current != null && !current.isNull() && !sameId(current, op.value())) {
                return whole(op) + ": an id never changes (it is " + current + ")";
            }
        }
        return null;
    }

    private String add(ObjectNode state, Op.Add op, Merge merge, ValueKind kind, String key) {
        if (merge != Merge.COUNTER) {
            return whole(op) + ": add is only for COUNTER fields; \"" + key + "\" takes set";
        }
        if (kind instanceof ValueKind.IntegerKind integer) {
            ValueCheck.Problem problem = values.problem(UNBOUNDED_INTEGER, false, op.delta());
            if (problem != null) {
                return problem.at(whole(op) + ": the delta");
            }
            JsonNode current = currentValue(state, op.path());
            BigDecimal base = current == null || !current.isNumber() ? BigDecimal.ZERO : current.decimalValue();
            // both operands are within the protocol's digit limits, so the sum is cheap
            BigDecimal result = base.add(op.delta().decimalValue());
            boolean inRange = integer.minimum().map(min -> result.compareTo(min) >= 0).orElse(true)
                    && integer.maximum().map(max -> result.compareTo(max) <= 0).orElse(true);
            return inRange ? null : whole(op) + ": adding " + op.delta() + " gives " + result.toPlainString() + "; \""
                    + key + "\" must stay " + integer.describe();
        }
        if (kind instanceof ValueKind.DecimalKind || kind instanceof ValueKind.FloatingKind) {
            return null;
        }
        return whole(op) + ": \"" + key + "\" holds " + kind.describe() + "; only numbers are added to";
    }

    private String elementOp(ObjectNode state, Op op, ModelSchema elementModel, List<PathStep> path, int last) {
        if (op instanceof Op.Insert insert) {
            ValueCheck.Problem problem = values.modelProblem(elementModel, insert.value());
            if (problem != null) {
                return problem.at(at(path, last) + ": the value");
            }
            if (elementModel.polymorphic()) {
                // an insert onto an existing id sets members on it: it cannot turn it into another type
                JsonNode existing = currentValue(state, path);
                JsonNode was = existing == null ? null : existing.get(ModelSchema.TYPE_KEY);
                if (was != null && !was.equals(insert.value().get(ModelSchema.TYPE_KEY))) {
                    return at(path, last) + ": the element is of type " + was + " and its type never changes;"
                            + " delete it and insert one of the other type under a new id";
                }
            }
            String idKey = insert.element().idKey();
            JsonNode valueId = insert.value().get(idKey);
            if (valueId == null || !sameId(valueId, insert.element().id())) {
                return at(path, last) + ": the value's \"" + idKey + "\" must be the id its path names, " + insert.element().id();
            }
            return null;
        }
        if (op instanceof Op.Delete) {
            return null;
        }
        return at(path, last) + ": " + opName(op) + " names a key of an element, not the element";
    }

    /** The subtype of the object the path's steps up to {@code i} lead to now, or null if there is none. */
    private ModelSchema actual(ObjectNode state, List<PathStep> path, int i, ModelSchema declared) {
        JsonNode object = currentValue(state, path.subList(0, i + 1));
        return object == null || !object.isObject() ? null : values.subtype(declared, object);
    }

    /** How an error names the path up to step {@code i}: built only when there is an error to tell. */
    private static String at(List<PathStep> path, int i) {
        return "path " + path.subList(0, i + 1);
    }

    private static String whole(Op op) {
        return "path " + op.path();
    }

    /** The value the path leads to now, or null if there is none; read only. */
    private static JsonNode currentValue(ObjectNode state, List<PathStep> path) {
        JsonNode current = state;
        for (PathStep step : path) {
            if (current == null) {
                return null;
            }
            if (step instanceof PathStep.Key key) {
                current = current.isObject() ? current.get(key.name()) : null;
            } else {
                JsonNode found = null;
                if (current.isArray()) {
                    for (JsonNode candidate : current) {
                        if (candidate.isObject() && ((PathStep.Element) step).selects(candidate)) {
                            found = candidate;
                            break;
                        }
                    }
                }
                current = found;
            }
        }
        return current;
    }

    private static boolean sameId(JsonNode a, JsonNode b) {
        return IdValues.same(a, b);
    }
}
