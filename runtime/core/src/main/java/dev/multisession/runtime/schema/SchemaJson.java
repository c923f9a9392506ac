package dev.multisession.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON Schema document the processor writes into a {@link SessionSchema}. It reads the
 * keywords the processor writes ({@code $ref}, {@code $defs}, {@code properties}, {@code type},
 * {@code minimum}/{@code maximum}, {@code enum}, {@code items}, {@code additionalProperties},
 * {@code anyOf} and the {@code x-multisession-*} ones); a document it cannot read is refused with
 * what is wrong and where, never half read.
 */
public final class SchemaJson {

    private static final String DEFS = "#/$defs/";

    private final String source;

    private SchemaJson(String source) {
        this.source = source;
    }

    /**
     * @param in the document
     * @param source what to call it in errors (a resource or file name)
     * @throws IllegalArgumentException if it is not a schema the processor writes
     */
    public static SessionSchema read(InputStream in, String source) throws IOException {
        JsonNode document;
        try {
            document = JsonMappers.files().readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getMessage(), e);
        }
        return read(document, source);
    }

    /** Reads a parsed document; see {@link #read(InputStream, String)}. */
    public static SessionSchema read(JsonNode document, String source) {
        return new SchemaJson(source).document(document);
    }

    private SessionSchema document(JsonNode document) {
        String root = modelName(text(document, "$ref", "the document"), "the document's $ref");
        JsonNode defs = object(document, "$defs", "the document");
        Map<String, ModelSchema> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> def : defs.properties()) {
            models.put(def.getKey(), model(def.getKey(), def.getValue()));
        }
        try {
            return new SessionSchema(root, models);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private ModelSchema model(String name, JsonNode def) {
        String where = "model " + name;
        JsonNode idNode = def.get("x-multisession-id");
        Optional<String> idKey = Optional.ofNullable(idNode == null ? null : text(def, "x-multisession-id", where));
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object(def, "properties", where).properties()) {
            String key = property.getKey();
            JsonNode field = property.getValue();
            String at = where + ", field \"" + key + "\"";
            Merge merge = merge(text(field, "x-multisession-merge", at), at);
            boolean id = idKey.isPresent() && idKey.get().equals(key);
            fields.put(key, new FieldSchema(key, kind(field, at), nullable(field), merge, id));
        }
        Map<String, String> subtypes = new LinkedHashMap<>();
        JsonNode named = def.get("x-multisession-subtypes");
        if (named != null) {
            for (Map.Entry<String, JsonNode> subtype : object(def, "x-multisession-subtypes", where).properties()) {
                subtypes.put(subtype.getKey(), modelName(text(named, subtype.getKey(), where + ", x-multisession-subtypes"),
                        where + ", subtype \"" + subtype.getKey() + "\""));
            }
            if (subtypes.isEmpty()) {
                throw fail(where + ": \"x-multisession-subtypes\" names no subtype");
            }
        }
        try {
            return new ModelSchema(name, idKey, fields, subtypes);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private ValueKind kind(JsonNode schema, String at) {
        String kind = text(schema, "x-multisession-kind", at);
        switch (kind) {
            case "integer":
                return new ValueKind.IntegerKind(bound(schema, "minimum", at), bound(schema, "maximum", at));
            case "decimal":
                return new ValueKind.DecimalKind();
            case "floating":
                return new ValueKind.FloatingKind();
            case "string":
                JsonNode length = schema.get("maxLength");
                return new ValueKind.TextKind(Optional.ofNullable(length == null ? null : length.intValue()));
            case "boolean":
                return new ValueKind.BooleanKind();
            case "enum":
                List<String> constants = new ArrayList<>();
                for (JsonNode constant : array(schema, "enum", at)) {
                    if (constant.isTextual()) {
                        constants.add(constant.textValue());
                    }
                }
                return new ValueKind.EnumKind(constants);
            case "list":
                JsonNode items = object(schema, "items", at);
                return new ValueKind.ListKind(kind(items, at + ", items"), nullable(items));
            case "set":
                JsonNode members = object(schema, "items", at);
                return new ValueKind.SetKind(kind(members, at + ", items"), nullable(members));
            case "map":
                JsonNode values = object(schema, "additionalProperties", at);
                return new ValueKind.MapKind(kind(values, at + ", additionalProperties"), nullable(values));
            case "model":
                return new ValueKind.ModelKind(modelRef(schema, at));
            case "model-list":
            case "model-set":
                String element = modelName(text(object(schema, "items", at), "$ref", at + ", items"), at);
                JsonNode idKey = schema.get("x-multisession-id");
                return new ValueKind.ModelCollectionKind(element, kind.equals("model-set"),
                        Optional.ofNullable(idKey == null ? null : text(schema, "x-multisession-id", at)));
            case "bound":
                return new ValueKind.BoundKind();
            default:
                return new ValueKind.FormattedKind(TextFormat.named(kind).orElseThrow(() ->
                        fail(at + ": unknown x-multisession-kind \"" + kind + "\"; a newer processor wrote this schema?")));
        }
    }

    /** A nested model: {@code $ref}, or for a nullable one {@code anyOf: [{$ref}, {type: null}]}. */
    private String modelRef(JsonNode schema, String at) {
        if (schema.has("$ref")) {
            return modelName(text(schema, "$ref", at), at);
        }
        for (JsonNode option : array(schema, "anyOf", at)) {
            if (option.has("$ref")) {
                return modelName(text(option, "$ref", at), at);
            }
        }
        throw fail(at + ": a model field needs a $ref");
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode name : type) {
                if ("null".equals(name.textValue())) {
                    return true;
                }
            }
        }
        JsonNode constants = schema.get("enum");
        if (constants != null && constants.isArray()) {
            for (JsonNode constant : constants) {
                if (constant.isNull()) {
                    return true;
                }
            }
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null && anyOf.isArray()) {
            for (JsonNode option : anyOf) {
                if ("null".equals(option.path("type").textValue())) {
                    return true;
                }
            }
        }
        // a bound value's shape is Jackson's: null is as legal as any other JSON
        return "bound".equals(schema.path("x-multisession-kind").textValue());
    }

    private Optional<BigDecimal> bound(JsonNode schema, String keyword, String at) {
        JsonNode bound = schema.get(keyword);
        if (bound == null) {
            return Optional.empty();
        }
        if (!bound.isIntegralNumber()) {
            throw fail(at + ": " + keyword + " must be an integer");
        }
        return Optional.of(bound.decimalValue());
    }

    private Merge merge(String name, String at) {
        try {
            return Merge.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw fail(at + ": unknown x-multisession-merge \"" + name + "\"");
        }
    }

    private String modelName(String ref, String at) {
        if (!ref.startsWith(DEFS) || ref.length() == DEFS.length()) {
            throw fail(at + ": a model reference reads \"" + DEFS + "<model>\", not \"" + ref + "\"");
        }
        return ref.substring(DEFS.length());
    }

    private String text(JsonNode node, String member, String at) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw fail(at + ": \"" + member + "\" must be a string");
        }
        return value.textValue();
    }

    private JsonNode object(JsonNode node, String member, String at) {
        JsonNode value = node.get(member);
        if (value == null || !value.isObject()) {
            throw fail(at + ": \"" + member + "\" must be an object");
        }
        return value;
    }

    private JsonNode array(JsonNode node, String member, String at) {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw fail(at + ": \"" + member + "\" must be an array");
        }
        return value;
    }

    private IllegalArgumentException fail(String problem) {
        return new IllegalArgumentException(source + " is not a multisession schema: " + problem);
    }
}
