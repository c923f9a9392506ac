package dev.multisession.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.protocol.IdValues;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether a JSON value has the kind its field declares: the right JSON type, an integer in its
 * range, an enum constant, a string in its format, a model object whose members are its fields
 * (each checked in turn) and whose collection elements carry distinct, non-null ids. Work is
 * linear in the value's size, which the protocol's limits bound. Stateless.
 */
final class ValueCheck {

    private final SessionSchema schema;
    private final UnknownKeys unknownKeys;

    ValueCheck(SessionSchema schema, UnknownKeys unknownKeys) {
        this.schema = schema;
        this.unknownKeys = unknownKeys;
    }

    UnknownKeys unknownKeys() {
        return unknownKeys;
    }

    /**
     * A problem found in a value: where below the value it sits ({@code ".lines[2].qty"}) and what
     * is wrong. Built only when something is wrong, so a value that passes costs no text.
     */
    record Problem(String below, String text) {
        Problem under(String step) {
            return new Problem(step + below, text);
        }

        /** The problem as said for a client author, the value being at {@code where}. */
        String at(String where) {
            return where + below + " " + text;
        }
    }

    /** What is wrong with {@code value} for a field of {@code kind}, or null. */
    Problem problem(ValueKind kind, boolean nullable, JsonNode value) {
        if (value.isNull()) {
            return nullable ? null : new Problem("", "must not be null");
        }
        if (kind instanceof ValueKind.IntegerKind integer) {
            return integer(integer, value);
        }
        if (kind instanceof ValueKind.DecimalKind || kind instanceof ValueKind.FloatingKind) {
            return value.isNumber() ? null : wrong(kind, value);
        }
        if (kind instanceof ValueKind.TextKind text) {
            if (!value.isTextual()) {
                return wrong(kind, value);
            }
            return text.exactLength().isEmpty() || value.textValue().length() == text.exactLength().get() ? null
                    : wrong(kind, value);
        }
        if (kind instanceof ValueKind.BooleanKind) {
            return value.isBoolean() ? null : wrong(kind, value);
        }
        if (kind instanceof ValueKind.EnumKind enumKind) {
            return value.isTextual() && enumKind.constants().contains(value.textValue()) ? null : wrong(kind, value);
        }
        if (kind instanceof ValueKind.FormattedKind formatted) {
            return value.isTextual() && formatted.format().accepts(value.textValue()) ? null : wrong(kind, value);
        }
        if (kind instanceof ValueKind.ListKind list) {
            return elements(list.element(), list.elementNullable(), value, kind);
        }
        if (kind instanceof ValueKind.SetKind set) {
            return elements(set.element(), set.elementNullable(), value, kind);
        }
        if (kind instanceof ValueKind.MapKind map) {
            if (!value.isObject()) {
                return wrong(kind, value);
            }
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                Problem problem = problem(map.value(), map.valueNullable(), member.getValue());
                if (problem != null) {
                    return problem.under("." + member.getKey());
                }
            }
            return null;
        }
        if (kind instanceof ValueKind.ModelKind model) {
            return modelProblem(schema.model(model.model()), value);
        }
        if (kind instanceof ValueKind.ModelCollectionKind models) {
            return models(models, value);
        }
        if (kind instanceof ValueKind.BoundKind) {
            return null;
        }
        throw new IllegalArgumentException("no check for kind " + kind);
    }

    /**
     * What is wrong with {@code value} as an object of {@code declared}, or null. An object of a
     * polymorphic model names one of its subtypes under the type key and is checked as that subtype.
     */
    Problem modelProblem(ModelSchema declared, JsonNode value) {
        if (!value.isObject()) {
            return new Problem("", "must be an object, not " + typeOf(value));
        }
        ModelSchema model = declared;
        if (declared.polymorphic()) {
            Problem type = typeProblem(declared, value);
            if (type != null) {
                return type;
            }
            model = subtype(declared, value);
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (declared.polymorphic() && member.getKey().equals(ModelSchema.TYPE_KEY)) {
                continue;
            }
            FieldSchema field = model.fields().get(member.getKey());
            if (field == null) {
                if (unknownKeys == UnknownKeys.REFUSE) {
                    return new Problem("." + member.getKey(), "is not a field of " + simpleName(model));
                }
                continue;
            }
            Problem problem = problem(field.kind(), field.nullable(), member.getValue());
            if (problem != null) {
                return problem.under("." + member.getKey());
            }
        }
        return null;
    }

    /** The subtype an object of the polymorphic {@code declared} names, or null if it names none the schema knows. */
    ModelSchema subtype(ModelSchema declared, JsonNode object) {
        JsonNode type = object.get(ModelSchema.TYPE_KEY);
        String name = type == null || !type.isTextual() ? null : declared.subtypes().get(type.textValue());
        return name == null ? null : schema.model(name);
    }

    /** What is wrong with the type key of an object of the polymorphic {@code declared}, or null. */
    Problem typeProblem(ModelSchema declared, JsonNode object) {
        JsonNode type = object.get(ModelSchema.TYPE_KEY);
        if (type == null) {
            return new Problem("", "lacks its type key \"" + ModelSchema.TYPE_KEY + "\" (one of "
                    + declared.subtypes().keySet() + ")");
        }
        if (subtype(declared, object) == null) {
            return new Problem("." + ModelSchema.TYPE_KEY, "must be one of the types " + declared.subtypes().keySet()
                    + " of " + simpleName(declared) + ", not " + shown(type));
        }
        return null;
    }

    private Problem models(ValueKind.ModelCollectionKind kind, JsonNode value) {
        if (!value.isArray()) {
            return wrong(kind, value);
        }
        ModelSchema element = schema.model(kind.model());
        Set<String> ids = kind.idKey().isPresent() ? new HashSet<>() : null;
        for (int i = 0; i < value.size(); i++) {
            Problem problem = modelProblem(element, value.get(i));
            if (problem != null) {
                return problem.under("[" + i + "]");
            }
            if (ids != null) {
                JsonNode id = value.get(i).get(kind.idKey().get());
                if (id == null) {
                    return new Problem("[" + i + "]", "lacks its id \"" + kind.idKey().get() + "\"");
                }
                if (!ids.add(IdValues.key(id))) {
                    return new Problem("[" + i + "]", "has the id " + id + " of an earlier element");
                }
            }
        }
        return null;
    }

    private Problem elements(ValueKind element, boolean nullable, JsonNode value, ValueKind kind) {
        if (!value.isArray()) {
            return wrong(kind, value);
        }
        for (int i = 0; i < value.size(); i++) {
            Problem problem = problem(element, nullable, value.get(i));
            if (problem != null) {
                return problem.under("[" + i + "]");
            }
        }
        return null;
    }

    private static Problem integer(ValueKind.IntegerKind kind, JsonNode value) {
        if (!value.isNumber()) {
            return wrong(kind, value);
        }
        BigDecimal number = value.decimalValue();
        // the protocol's limits bound the digits, so this costs no more than the text of the number
        boolean integral = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        boolean inRange = kind.minimum().map(min -> number.compareTo(min) >= 0).orElse(true)
                && kind.maximum().map(max -> number.compareTo(max) <= 0).orElse(true);
        return integral && inRange ? null : wrong(kind, value);
    }

    static Problem wrong(ValueKind kind, JsonNode value) {
        return new Problem("", "must be " + kind.describe() + ", not " + shown(value));
    }

    private static String shown(JsonNode value) {
        if (value.isContainerNode()) {
            return typeOf(value);
        }
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static String simpleName(ModelSchema model) {
        String name = model.name();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }
}
