package dev.multisession.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** What is wrong with {@code value} for a field of {@code kind} at {@code where}, or null. */
    String check(ValueKind kind, boolean nullable, JsonNode value, String where) {
        if (value.isNull()) {
            return nullable ? null : where + " must not be null";
        }
        if (kind instanceof ValueKind.IntegerKind integer) {
            return integer(integer, value, where);
        }
        if (kind instanceof ValueKind.DecimalKind || kind instanceof ValueKind.FloatingKind) {
            return value.isNumber() ? null : wrong(kind, value, where);
        }
        if (kind instanceof ValueKind.TextKind text) {
            if (!value.isTextual()) {
                return wrong(kind, value, where);
            }
            return text.exactLength().isEmpty() || value.textValue().length() == text.exactLength().get() ? null
                    : wrong(kind, value, where);
        }
        if (kind instanceof ValueKind.BooleanKind) {
            return value.isBoolean() ? null : wrong(kind, value, where);
        }
        if (kind instanceof ValueKind.EnumKind enumKind) {
            return value.isTextual() && enumKind.constants().contains(value.textValue()) ? null : wrong(kind, value, where);
        }
        if (kind instanceof ValueKind.FormattedKind formatted) {
            return value.isTextual() && formatted.format().accepts(value.textValue()) ? null : wrong(kind, value, where);
        }
        if (kind instanceof ValueKind.ListKind list) {
            return elements(list.element(), list.elementNullable(), value, where, kind);
        }
        if (kind instanceof ValueKind.SetKind set) {
            return elements(set.element(), set.elementNullable(), value, where, kind);
        }
        if (kind instanceof ValueKind.MapKind map) {
            if (!value.isObject()) {
                return wrong(kind, value, where);
            }
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                String broken = check(map.value(), map.valueNullable(), member.getValue(), where + "." + member.getKey());
                if (broken != null) {
                    return broken;
                }
            }
            return null;
        }
        if (kind instanceof ValueKind.ModelKind model) {
            return model(schema.model(model.model()), value, where);
        }
        if (kind instanceof ValueKind.ModelCollectionKind models) {
            return models(models, value, where);
        }
        if (kind instanceof ValueKind.BoundKind) {
            return null;
        }
        throw new IllegalArgumentException("no check for kind " + kind);
    }

    /** What is wrong with {@code value} as an object of {@code model}, or null. */
    String model(ModelSchema model, JsonNode value, String where) {
        if (!value.isObject()) {
            return where + " must be an object, not " + typeOf(value);
        }
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            FieldSchema field = model.fields().get(member.getKey());
            String at = where + "." + member.getKey();
            if (field == null) {
                if (unknownKeys == UnknownKeys.REFUSE) {
                    return at + " is not a field of " + simpleName(model);
                }
                continue;
            }
            String broken = check(field.kind(), field.nullable(), member.getValue(), at);
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    private String models(ValueKind.ModelCollectionKind kind, JsonNode value, String where) {
        if (!value.isArray()) {
            return wrong(kind, value, where);
        }
        ModelSchema element = schema.model(kind.model());
        Set<String> ids = kind.idKey().isPresent() ? new HashSet<>() : null;
        for (int i = 0; i < value.size(); i++) {
            String at = where + "[" + i + "]";
            String broken = model(element, value.get(i), at);
            if (broken != null) {
                return broken;
            }
            if (ids != null) {
                JsonNode id = value.get(i).get(kind.idKey().get());
                if (id == null) {
                    return at + " lacks its id \"" + kind.idKey().get() + "\"";
                }
                if (!ids.add(idText(id))) {
                    return at + " has the id " + id + " of an earlier element";
                }
            }
        }
        return null;
    }

    private String elements(ValueKind element, boolean nullable, JsonNode value, String where, ValueKind kind) {
        if (!value.isArray()) {
            return wrong(kind, value, where);
        }
        for (int i = 0; i < value.size(); i++) {
            String broken = check(element, nullable, value.get(i), where + "[" + i + "]");
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    private static String integer(ValueKind.IntegerKind kind, JsonNode value, String where) {
        if (!value.isNumber()) {
            return wrong(kind, value, where);
        }
        BigDecimal number = value.decimalValue();
        // the protocol's limits bound the digits, so this costs no more than the text of the number
        boolean integral = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        boolean inRange = kind.minimum().map(min -> number.compareTo(min) >= 0).orElse(true)
                && kind.maximum().map(max -> number.compareTo(max) <= 0).orElse(true);
        return integral && inRange ? null : wrong(kind, value, where);
    }

    /** The id as one text for both JSON forms, so that {@code 7} and {@code 7.0} are the same id. */
    static String idText(JsonNode id) {
        return id.isNumber() ? "n" + id.decimalValue().stripTrailingZeros().toPlainString() : "s" + id.asText();
    }

    static String wrong(ValueKind kind, JsonNode value, String where) {
        return where + " must be " + kind.describe() + ", not " + shown(value);
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
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    static String simpleName(ModelSchema model) {
        String name = model.name();
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }
}
