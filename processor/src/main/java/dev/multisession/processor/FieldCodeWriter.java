package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.multisession.processor.ValueType.ValueCodecSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes the statements that export, initialise, apply and describe one synced field. The
 * statements live in the codec's static methods, whose parameters are {@code model},
 * {@code json} (or {@code data}), {@code changed} and one codec per model type variable.
 */
final class FieldCodeWriter {

    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    /**
     * The {@code ValueCodecs} constants whose values generated code converts with direct static
     * calls ({@code ValueCodecs.readInt}, {@code json.put}) instead of a codec constant, by the
     * suffix of their {@code read…} methods.
     */
    static final Map<String, String> DIRECT = Map.ofEntries(
            Map.entry("BOOLEAN", "Boolean"),
            Map.entry("BYTE", "Byte"),
            Map.entry("SHORT", "Short"),
            Map.entry("INT", "Int"),
            Map.entry("LONG", "Long"),
            Map.entry("FLOAT", "Float"),
            Map.entry("DOUBLE", "Double"),
            Map.entry("CHAR", "Char"),
            Map.entry("STRING", "String"),
            Map.entry("BIG_DECIMAL", "BigDecimal"),
            Map.entry("BIG_INTEGER", "BigInteger"));

    /** The reference types with a {@code read…} method that have no {@code …OrNull} variant. */
    private static final Set<String> REFERENCE_ONLY = Set.of("STRING", "BIG_DECIMAL", "BIG_INTEGER");

    /** The {@code ValueCodec} constant of a reference value field. */
    Optional<FieldSpec> constant(SyncedProperty property) {
        if (!(property.valueType() instanceof ValueType.Value value) || value.codec() instanceof ValueCodecSpec.EnumOf
                || direct(value.codec()) != null) {
            return Optional.empty();
        }
        TypeName type = ParameterizedTypeName.get(RuntimeNames.VALUE_CODEC, property.type().box());
        return Optional.of(FieldSpec.builder(type, constantName(property), Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .initializer(valueCodec(value.codec()))
                .build());
    }

    CodeBlock export(SyncedProperty property) {
        String key = property.jsonKey();
        CodeBlock read = read(property);
        ValueType type = property.valueType();
        if (type instanceof ValueType.Primitive primitive) {
            return primitive.kind().equals("char")
                    ? CodeBlock.of("json.set($S, $T.charNode($L));\n", key, RuntimeNames.VALUE_CODECS, read)
                    : CodeBlock.of("json.put($S, $L);\n", key, read);
        }
        if (type instanceof ValueType.Value value) {
            ValueCodecSpec codec = value.codec();
            if (codec instanceof ValueCodecSpec.EnumOf) {
                return CodeBlock.of("json.set($S, $T.enumNode($L));\n", key, RuntimeNames.VALUE_CODECS, read);
            }
            String direct = direct(codec);
            if (direct == null) {
                return CodeBlock.of("json.set($S, $N.toJson($L));\n", key, constantName(property), read);
            }
            if (direct.equals("Byte") || direct.equals("Char")) {
                return CodeBlock.of("json.set($S, $T.$L($L));\n", key, RuntimeNames.VALUE_CODECS,
                        direct.toLowerCase(Locale.ROOT) + "Node", read);
            }
            // ObjectNode.put writes null as JSON null for every reference type it takes.
            return CodeBlock.of("json.put($S, $L);\n", key, read);
        }
        if (type instanceof ValueType.Model model) {
            return CodeBlock.of("json.set($S, $T.export($L, $L));\n", key, RuntimeNames.MODEL_VALUES,
                    codec(model.codec()), read);
        }
        if (type instanceof ValueType.ModelCollection models) {
            return CodeBlock.of("json.set($S, $T.exportAll($L, $L));\n", key, RuntimeNames.MODEL_VALUES,
                    codec(models.codec()), read);
        }
        throw notValidated(property);
    }

    CodeBlock init(SyncedProperty property) {
        String node = nodeName(property);
        return CodeBlock.builder()
                .addStatement("$T $N = json.get($S)", RuntimeNames.JSON_NODE, node, property.jsonKey())
                .beginControlFlow("if ($N != null)", node)
                .addStatement(write(property, readValue(property, node)))
                .endControlFlow()
                .build();
    }

    /** Statements that apply the field when its key is present; the id is never applied. */
    CodeBlock apply(SyncedProperty property) {
        String node = nodeName(property);
        String key = property.jsonKey();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T $N = data.get($S)", RuntimeNames.JSON_NODE, node, key)
                .beginControlFlow("if ($N != null)", node);
        CodeBlock current = read(property);
        ValueType type = property.valueType();
        if (type instanceof ValueType.Model model) {
            code.addStatement("$T value = $T.apply($L, $L, $N, $S, changed)", property.type(), RuntimeNames.MODEL_VALUES,
                            codec(model.codec()), current, node, key)
                    .beginControlFlow("if (value != $L)", current)
                    .addStatement(write(property, CodeBlock.of("value")))
                    .endControlFlow();
        } else if (type instanceof ValueType.ModelCollection models) {
            code.addStatement("$T value = $T.applyAll($L, $L, $N, $S, changed, $T::new)", property.type(),
                            RuntimeNames.MODEL_VALUES, codec(models.codec()), current, node, key, models.implementation())
                    .beginControlFlow("if (value != $L)", current)
                    .addStatement(write(property, CodeBlock.of("value")))
                    .endControlFlow();
        } else {
            code.addStatement("$T value = $L", property.type(), readValue(property, node))
                    .beginControlFlow("if ($L)", differs(property, current))
                    .addStatement(write(property, CodeBlock.of("value")))
                    .addStatement("changed.add($S)", key)
                    .endControlFlow();
        }
        return code.endControlFlow().build();
    }

    /** The expression that adds the field's metadata to the list {@code fields}. */
    CodeBlock metadata(SyncedProperty property) {
        String key = property.jsonKey();
        if (property.id()) {
            return CodeBlock.of("fields.add($T.id($S));\n", RuntimeNames.SYNCED_FIELD, key);
        }
        ValueType type = property.valueType();
        if (type instanceof ValueType.Model model) {
            return CodeBlock.of("fields.add($T.model($S, $L));\n", RuntimeNames.SYNCED_FIELD, key, codec(model.codec()));
        }
        if (type instanceof ValueType.ModelCollection models) {
            return CodeBlock.of("fields.add($T.modelCollection($S, $L));\n", RuntimeNames.SYNCED_FIELD, key,
                    codec(models.codec()));
        }
        return CodeBlock.of("fields.add($T.value($S, $T.$L));\n", RuntimeNames.SYNCED_FIELD, key, RuntimeNames.MERGE,
                property.merge());
    }

    /** The id field as JSON, as the export writes it. */
    CodeBlock idAsJson(SyncedProperty property) {
        if (property.valueType() instanceof ValueType.Primitive primitive) {
            return CodeBlock.of("$T.$L.toJson($L)", RuntimeNames.VALUE_CODECS, primitive.constant(), read(property));
        }
        if (property.valueType() instanceof ValueType.Value value) {
            return value.codec() instanceof ValueCodecSpec.Constant constant && direct(constant) != null
                    ? CodeBlock.of("$T.$L.toJson($L)", RuntimeNames.VALUE_CODECS, constant.name(), read(property))
                    : CodeBlock.of("$N.toJson($L)", constantName(property), read(property));
        }
        throw notValidated(property);
    }

    /** The Java expression of a codec reference inside the static methods. */
    static CodeBlock codec(CodecRef ref) {
        if (ref instanceof CodecRef.Generated generated) {
            return CodeBlock.of("$T.INSTANCE", generated.codec());
        }
        if (ref instanceof CodecRef.Located located) {
            return CodeBlock.of("$T.forClass($T.class)", RuntimeNames.CODECS, located.model());
        }
        return CodeBlock.of("$N", ((CodecRef.Parameter) ref).parameterName());
    }

    private CodeBlock readValue(SyncedProperty property, String node) {
        String key = property.jsonKey();
        ValueType type = property.valueType();
        if (type instanceof ValueType.Primitive primitive) {
            return CodeBlock.of("$T.read$L($N, $S)", RuntimeNames.VALUE_CODECS, DIRECT.get(primitive.constant()), node, key);
        }
        if (type instanceof ValueType.Value value) {
            ValueCodecSpec codec = value.codec();
            if (codec instanceof ValueCodecSpec.EnumOf enumOf) {
                return CodeBlock.of("$T.readEnum($N, $S, $T.class)", RuntimeNames.VALUE_CODECS, node, key, enumOf.type());
            }
            String direct = direct(codec);
            if (direct != null) {
                boolean boxed = !REFERENCE_ONLY.contains(((ValueCodecSpec.Constant) codec).name());
                return CodeBlock.of("$T.read$L$L($N, $S)", RuntimeNames.VALUE_CODECS, direct, boxed ? "OrNull" : "", node,
                        key);
            }
            return CodeBlock.of("$N.fromJson($N, $S)", constantName(property), node, key);
        }
        if (type instanceof ValueType.Model model) {
            return CodeBlock.of("$T.read($L, $N, $S)", RuntimeNames.MODEL_VALUES, codec(model.codec()), node, key);
        }
        if (type instanceof ValueType.ModelCollection models) {
            return CodeBlock.of("$T.readAll($L, $N, $S, $T::new)", RuntimeNames.MODEL_VALUES, codec(models.codec()), node,
                    key, models.implementation());
        }
        throw notValidated(property);
    }

    private static CodeBlock differs(SyncedProperty property, CodeBlock current) {
        if (property.valueType() instanceof ValueType.Primitive primitive) {
            return primitive.isFloating()
                    ? CodeBlock.of("$T.compare(value, $L) != 0", property.type().box(), current)
                    : CodeBlock.of("value != $L", current);
        }
        ValueCodecSpec codec = ((ValueType.Value) property.valueType()).codec();
        if (codec instanceof ValueCodecSpec.EnumOf) {
            return CodeBlock.of("value != $L", current);
        }
        String direct = direct(codec);
        if (direct == null) {
            return CodeBlock.of("!$N.same(value, $L)", constantName(property), current);
        }
        return direct.equals("BigDecimal")
                ? CodeBlock.of("!$T.sameNumber(value, $L)", RuntimeNames.VALUE_CODECS, current)
                : CodeBlock.of("!$T.equals(value, $L)", OBJECTS, current);
    }

    /** The {@code read…} suffix of a value converted by direct calls, or null if it goes through a constant. */
    private static String direct(ValueCodecSpec codec) {
        return codec instanceof ValueCodecSpec.Constant constant ? DIRECT.get(constant.name()) : null;
    }

    private static CodeBlock read(SyncedProperty property) {
        SyncedProperty.Access access = property.access().orElseThrow();
        return access.getter() == null
                ? CodeBlock.of("model.$N", property.name())
                : CodeBlock.of("model.$N()", access.getter());
    }

    private static CodeBlock write(SyncedProperty property, CodeBlock value) {
        SyncedProperty.Access access = property.access().orElseThrow();
        return access.setter() == null
                ? CodeBlock.of("model.$N = $L", property.name(), value)
                : CodeBlock.of("model.$N($L)", access.setter(), value);
    }

    private static CodeBlock valueCodec(ValueCodecSpec spec) {
        if (spec instanceof ValueCodecSpec.Constant constant) {
            return CodeBlock.of("$T.$L", RuntimeNames.VALUE_CODECS, constant.name());
        }
        if (spec instanceof ValueCodecSpec.EnumOf enumOf) {
            return CodeBlock.of("$T.ofEnum($T.class)", RuntimeNames.VALUE_CODECS, enumOf.type());
        }
        if (spec instanceof ValueCodecSpec.ListOf list) {
            return CodeBlock.of("$T.listOf($L)", RuntimeNames.VALUE_CODECS, valueCodec(list.element()));
        }
        if (spec instanceof ValueCodecSpec.SetOf set) {
            return CodeBlock.of("$T.setOf($L)", RuntimeNames.VALUE_CODECS, valueCodec(set.element()));
        }
        if (spec instanceof ValueCodecSpec.MapOf map) {
            return CodeBlock.of("$T.mapOf($L)", RuntimeNames.VALUE_CODECS, valueCodec(map.value()));
        }
        ValueCodecSpec.Bound bound = (ValueCodecSpec.Bound) spec;
        return bound.generic()
                ? CodeBlock.of("$T.bound(new $T<$T>() {})", RuntimeNames.VALUE_CODECS, RuntimeNames.TYPE_REFERENCE,
                        bound.type())
                : CodeBlock.of("$T.bound($T.class)", RuntimeNames.VALUE_CODECS, bound.type());
    }

    /** {@code unitPrice} becomes {@code UNIT_PRICE_CODEC}. */
    static String constantName(SyncedProperty property) {
        return WORD_BOUNDARY.matcher(property.name()).replaceAll("$1_$2").toUpperCase(Locale.ROOT) + "_CODEC";
    }

    private static IllegalStateException notValidated(SyncedProperty property) {
        return new IllegalStateException("field '" + property.name() + "' was not validated: " + property.valueType());
    }

    private static String nodeName(SyncedProperty property) {
        return property.name() + "Json";
    }
}
