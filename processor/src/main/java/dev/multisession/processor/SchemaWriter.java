package dev.multisession.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.multisession.processor.SchemaModel.BooleanKind;
import dev.multisession.processor.SchemaModel.BoundKind;
import dev.multisession.processor.SchemaModel.DecimalKind;
import dev.multisession.processor.SchemaModel.EnumKind;
import dev.multisession.processor.SchemaModel.FieldDef;
import dev.multisession.processor.SchemaModel.FloatingKind;
import dev.multisession.processor.SchemaModel.FormattedKind;
import dev.multisession.processor.SchemaModel.IntegerKind;
import dev.multisession.processor.SchemaModel.Kind;
import dev.multisession.processor.SchemaModel.ListKind;
import dev.multisession.processor.SchemaModel.MapKind;
import dev.multisession.processor.SchemaModel.ModelCollectionKind;
import dev.multisession.processor.SchemaModel.ModelDef;
import dev.multisession.processor.SchemaModel.ModelKind;
import dev.multisession.processor.SchemaModel.SetKind;
import dev.multisession.processor.SchemaModel.TextKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes a {@link SchemaModel} as a JSON Schema (draft 2020-12) document: the root model is
 * {@code $ref}'d from the top, every model is a {@code $defs} entry under its binary name, and
 * the keywords {@code x-multisession-kind}, {@code x-multisession-merge}, {@code x-multisession-id}
 * and {@code x-multisession-java-type} carry what the standard keywords cannot say (the exact
 * kind, the merge rule, the id). docs/PROTOCOL.md, "The schema", describes the format.
 */
final class SchemaWriter {

    /** Where the resource of a root model goes, relative to the class output. */
    static final String RESOURCE_DIRECTORY = "META-INF/multisession/schema/";

    private static final JsonFactory JSON = new JsonFactory();

    /** The resource name of a model's schema: {@code META-INF/multisession/schema/<binary name>.json}. */
    static String resourceName(String binaryName) {
        return RESOURCE_DIRECTORY + binaryName + ".json";
    }

    String write(SchemaModel schema) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            // the same text on every platform: golden files and reproducible jars
            json.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            json.writeStartObject();
            json.writeStringField("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.writeStringField("$id", "urn:multisession:schema:" + schema.root());
            json.writeStringField("$ref", ref(schema.root()));
            json.writeObjectFieldStart("$defs");
            for (ModelDef model : schema.models().values()) {
                json.writeFieldName(model.name());
                writeModel(json, model);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static void writeModel(JsonGenerator json, ModelDef model) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "object");
        json.writeStringField("x-multisession-java-type", model.name());
        if (model.idKey().isPresent()) {
            json.writeStringField("x-multisession-id", model.idKey().get());
            json.writeArrayFieldStart("required");
            json.writeString(model.idKey().get());
            json.writeEndArray();
        }
        if (!model.subtypes().isEmpty()) {
            // each object names its subtype under the type key; the checks follow that subtype's schema
            json.writeStringField("x-multisession-type-key", PolymorphicTypes.TYPE_KEY);
            json.writeObjectFieldStart("x-multisession-subtypes");
            for (var subtype : model.subtypes().entrySet()) {
                json.writeStringField(subtype.getKey(), ref(subtype.getValue()));
            }
            json.writeEndObject();
        }
        json.writeObjectFieldStart("properties");
        for (FieldDef field : model.fields()) {
            json.writeFieldName(field.jsonKey());
            json.writeStartObject();
            writeKind(json, field.kind(), field.nullable());
            json.writeStringField("x-multisession-merge", field.merge());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** The members of a value's schema object (the caller opens and closes it). */
    private static void writeKind(JsonGenerator json, Kind kind, boolean nullable) throws IOException {
        if (kind instanceof IntegerKind integer) {
            json.writeStringField("x-multisession-kind", "integer");
            type(json, "integer", nullable);
            if (integer.minimum() != null) {
                json.writeNumberField("minimum", integer.minimum());
                json.writeNumberField("maximum", integer.maximum());
            }
            json.writeStringField("x-multisession-java-type", integer.javaType());
        } else if (kind instanceof DecimalKind) {
            json.writeStringField("x-multisession-kind", "decimal");
            type(json, "number", nullable);
        } else if (kind instanceof FloatingKind floating) {
            json.writeStringField("x-multisession-kind", "floating");
            type(json, "number", nullable);
            json.writeStringField("x-multisession-java-type", floating.javaType());
        } else if (kind instanceof TextKind text) {
            json.writeStringField("x-multisession-kind", "string");
            type(json, "string", nullable);
            if (text.maxLength() != null) {
                json.writeNumberField("minLength", text.maxLength());
                json.writeNumberField("maxLength", text.maxLength());
            }
        } else if (kind instanceof BooleanKind) {
            json.writeStringField("x-multisession-kind", "boolean");
            type(json, "boolean", nullable);
        } else if (kind instanceof EnumKind enumKind) {
            json.writeStringField("x-multisession-kind", "enum");
            json.writeArrayFieldStart("enum");
            for (String constant : enumKind.constants()) {
                json.writeString(constant);
            }
            if (nullable) {
                json.writeNull();
            }
            json.writeEndArray();
            json.writeStringField("x-multisession-java-type", enumKind.javaType());
        } else if (kind instanceof FormattedKind formatted) {
            json.writeStringField("x-multisession-kind", formatted.name());
            type(json, "string", nullable);
            if (formatted.format() != null) {
                json.writeStringField("format", formatted.format());
            }
        } else if (kind instanceof ListKind list) {
            json.writeStringField("x-multisession-kind", "list");
            type(json, "array", nullable);
            items(json, list.element());
        } else if (kind instanceof SetKind set) {
            json.writeStringField("x-multisession-kind", "set");
            type(json, "array", nullable);
            items(json, set.element());
        } else if (kind instanceof MapKind map) {
            json.writeStringField("x-multisession-kind", "map");
            type(json, "object", nullable);
            json.writeFieldName("additionalProperties");
            json.writeStartObject();
            writeKind(json, map.value(), true);
            json.writeEndObject();
        } else if (kind instanceof ModelKind model) {
            json.writeStringField("x-multisession-kind", "model");
            modelRef(json, model.model(), nullable);
        } else if (kind instanceof ModelCollectionKind models) {
            json.writeStringField("x-multisession-kind", models.set() ? "model-set" : "model-list");
            type(json, "array", nullable);
            json.writeObjectFieldStart("items");
            json.writeStringField("$ref", ref(models.model()));
            json.writeEndObject();
            if (models.idKey().isPresent()) {
                json.writeStringField("x-multisession-id", models.idKey().get());
            }
        } else if (kind instanceof BoundKind bound) {
            json.writeStringField("x-multisession-kind", "bound");
            json.writeStringField("x-multisession-java-type", bound.javaType());
        } else {
            throw new IllegalArgumentException("no schema for kind " + kind);
        }
    }

    /** Elements of a list or set of values: null is an element like any other for the codecs. */
    private static void items(JsonGenerator json, Kind element) throws IOException {
        json.writeFieldName("items");
        json.writeStartObject();
        writeKind(json, element, true);
        json.writeEndObject();
    }

    private static void modelRef(JsonGenerator json, String model, boolean nullable) throws IOException {
        if (!nullable) {
            json.writeStringField("$ref", ref(model));
            return;
        }
        json.writeArrayFieldStart("anyOf");
        json.writeStartObject();
        json.writeStringField("$ref", ref(model));
        json.writeEndObject();
        json.writeStartObject();
        json.writeStringField("type", "null");
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void type(JsonGenerator json, String type, boolean nullable) throws IOException {
        if (!nullable) {
            json.writeStringField("type", type);
            return;
        }
        json.writeArrayFieldStart("type");
        json.writeString(type);
        json.writeString("null");
        json.writeEndArray();
    }

    private static String ref(String model) {
        return "#/$defs/" + model;
    }
}
