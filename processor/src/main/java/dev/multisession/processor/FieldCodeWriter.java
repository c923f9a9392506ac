package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.multisession.codec.abi.AbiMethod;
import dev.multisession.codec.abi.BuiltInType;
import dev.multisession.codec.abi.RuntimeCalls;
import dev.multisession.processor.ValueType.ValueCodecSpec;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes the statements that export, initialise, apply and describe one synced field. The
 * statements live in the codec's static methods, whose parameters are {@code model},
 * {@code json} (or {@code data}), {@code changed} and one codec per model type variable.
 *
 * <p>Every runtime member the statements call comes from the shared ABI table
 * ({@link dev.multisession.codec.abi.BuiltInTypes}, {@link RuntimeCalls}), never from a name
 * spelled here, so that the runtime's test of the table covers all of them.
 */
final class FieldCodeWriter {

    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    /** The {@code ValueCodec} constant of a reference value field that has no direct calls. */
    Optional<FieldSpec> constant(SyncedProperty property) {
        if (!(property.valueType() instanceof ValueType.Value value) || value.codec() instanceof ValueCodecSpec.EnumOf
                || direct(value.codec()).isPresent()) {
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
            return exportDirect(primitive.builtIn(), key, read);
        }
        if (type instanceof ValueType.Value value) {
            ValueCodecSpec codec = value.codec();
            if (codec instanceof ValueCodecSpec.EnumOf) {
                return CodeBlock.of("json.set($S, $L);\n", key, call(RuntimeCalls.WRITE_ENUM, read));
            }
            Optional<BuiltInType> direct = direct(codec);
            if (direct.isPresent()) {
                return exportDirect(direct.get(), key, read);
            }
            return CodeBlock.of("json.set($S, $N.$N($L));\n", key, constantName(property),
                    RuntimeCalls.CODEC_TO_JSON.name(), read);
        }
        if (type instanceof ValueType.Model model) {
            return CodeBlock.of("json.set($S, $L);\n", key,
                    call(RuntimeCalls.EXPORT_MODEL, CodeBlock.of("$L, $L", codec(model.codec()), read)));
        }
        if (type instanceof ValueType.ModelCollection models) {
            return CodeBlock.of("json.set($S, $L);\n", key,
                    call(RuntimeCalls.EXPORT_MODELS, CodeBlock.of("$L, $L", codec(models.codec()), read)));
        }
        throw notValidated(property);
    }

    /** A built-in type's own writer, or {@code ObjectNode.put}, which writes null as JSON null. */
    private static CodeBlock exportDirect(BuiltInType type, String key, CodeBlock read) {
        return type.write()
                .map(write -> CodeBlock.of("json.set($S, $L);\n", key, call(write, read)))
                .orElseGet(() -> CodeBlock.of("json.put($S, $L);\n", key, read));
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
            code.addStatement("$T value = $L", property.type(), call(RuntimeCalls.APPLY_MODEL,
                            CodeBlock.of("$L, $L, $N, $S, changed", codec(model.codec()), current, node, key)))
                    .beginControlFlow("if (value != $L)", current)
                    .addStatement(write(property, CodeBlock.of("value")))
                    .endControlFlow();
        } else if (type instanceof ValueType.ModelCollection models) {
            code.addStatement("$T value = $L", property.type(), call(RuntimeCalls.APPLY_MODELS,
                            CodeBlock.of("$L, $L, $N, $S, changed, $T::new", codec(models.codec()), current, node, key,
                                    models.implementation())))
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

    /** The statement that adds the field's metadata to the list {@code fields}. */
    CodeBlock metadata(SyncedProperty property) {
        String key = property.jsonKey();
        if (property.id()) {
            return CodeBlock.of("fields.add($L);\n", call(RuntimeCalls.ID_FIELD, CodeBlock.of("$S", key)));
        }
        ValueType type = property.valueType();
        if (type instanceof ValueType.Model model) {
            return CodeBlock.of("fields.add($L);\n",
                    call(RuntimeCalls.MODEL_FIELD, CodeBlock.of("$S, $L", key, codec(model.codec()))));
        }
        if (type instanceof ValueType.ModelCollection models) {
            return CodeBlock.of("fields.add($L);\n",
                    call(RuntimeCalls.MODEL_COLLECTION_FIELD, CodeBlock.of("$S, $L", key, codec(models.codec()))));
        }
        if (type instanceof ValueType.Value value && value.codec() instanceof ValueType.ValueCodecSpec.SetOf) {
            return CodeBlock.of("fields.add($L);\n", call(RuntimeCalls.VALUE_SET_FIELD, CodeBlock.of("$S", key)));
        }
        // a map merges key by key, a set value by value; everything else whole
        AbiMethod factory = type instanceof ValueType.Value value
                && value.codec() instanceof ValueType.ValueCodecSpec.MapOf
                ? RuntimeCalls.VALUE_MAP_FIELD : RuntimeCalls.VALUE_FIELD;
        return CodeBlock.of("fields.add($L);\n", call(factory,
                CodeBlock.of("$S, $T.$L", key, RuntimeNames.MERGE, property.merge())));
    }

    /** The id field as JSON, as the export writes it. */
    CodeBlock idAsJson(SyncedProperty property) {
        Optional<BuiltInType> builtIn = property.valueType() instanceof ValueType.Primitive primitive
                ? Optional.of(primitive.builtIn())
                : property.valueType() instanceof ValueType.Value value ? direct(value.codec()) : Optional.empty();
        if (builtIn.isPresent()) {
            return CodeBlock.of("$T.$N.$N($L)", RuntimeNames.owner(builtIn.get().codec()), builtIn.get().codec().name(),
                    RuntimeCalls.CODEC_TO_JSON.name(), read(property));
        }
        if (property.valueType() instanceof ValueType.Value) {
            return CodeBlock.of("$N.$N($L)", constantName(property), RuntimeCalls.CODEC_TO_JSON.name(), read(property));
        }
        throw notValidated(property);
    }

    /** The Java expression of a codec reference inside the static methods. */
    static CodeBlock codec(CodecRef ref) {
        if (ref instanceof CodecRef.Generated generated) {
            return CodeBlock.of("$T.INSTANCE", generated.codec());
        }
        if (ref instanceof CodecRef.Polymorphic polymorphic) {
            return call(RuntimeCalls.POLYMORPHIC_CODEC_OF, CodeBlock.of("$T.class, $S", polymorphic.base(),
                    polymorphic.idKey()));
        }
        if (ref instanceof CodecRef.Located located) {
            return call(RuntimeCalls.CODEC_FOR_CLASS, CodeBlock.of("$T.class", located.model()));
        }
        return CodeBlock.of("$N", ((CodecRef.Parameter) ref).parameterName());
    }

    /** {@code Owner.method(arguments)} for a static method of the ABI table. */
    static CodeBlock call(AbiMethod method, CodeBlock arguments) {
        return CodeBlock.of("$T.$N($L)", RuntimeNames.owner(method), method.name(), arguments);
    }

    private CodeBlock readValue(SyncedProperty property, String node) {
        String key = property.jsonKey();
        CodeBlock nodeAndKey = CodeBlock.of("$N, $S", node, key);
        ValueType type = property.valueType();
        if (type instanceof ValueType.Primitive primitive) {
            return call(primitive.builtIn().read().orElseThrow(), nodeAndKey);
        }
        if (type instanceof ValueType.Value value) {
            ValueCodecSpec codec = value.codec();
            if (codec instanceof ValueCodecSpec.EnumOf enumOf) {
                return call(RuntimeCalls.READ_ENUM, CodeBlock.of("$L, $T.class", nodeAndKey, enumOf.type()));
            }
            Optional<BuiltInType> direct = direct(codec);
            if (direct.isPresent()) {
                return call(direct.get().read().orElseThrow(), nodeAndKey);
            }
            return CodeBlock.of("$N.$N($L)", constantName(property), RuntimeCalls.CODEC_FROM_JSON.name(), nodeAndKey);
        }
        if (type instanceof ValueType.Model model) {
            return call(RuntimeCalls.READ_MODEL, CodeBlock.of("$L, $L", codec(model.codec()), nodeAndKey));
        }
        if (type instanceof ValueType.ModelCollection models) {
            return call(RuntimeCalls.READ_MODELS,
                    CodeBlock.of("$L, $L, $T::new", codec(models.codec()), nodeAndKey, models.implementation()));
        }
        throw notValidated(property);
    }

    private static CodeBlock differs(SyncedProperty property, CodeBlock current) {
        if (property.valueType() instanceof ValueType.Primitive primitive) {
            return primitive.builtIn().floatingPrimitive()
                    ? CodeBlock.of("$T.compare(value, $L) != 0", property.type().box(), current)
                    : CodeBlock.of("value != $L", current);
        }
        ValueCodecSpec codec = ((ValueType.Value) property.valueType()).codec();
        if (codec instanceof ValueCodecSpec.EnumOf) {
            return CodeBlock.of("value != $L", current);
        }
        Optional<BuiltInType> direct = direct(codec);
        if (direct.isEmpty()) {
            return CodeBlock.of("!$N.$N(value, $L)", constantName(property), RuntimeCalls.CODEC_SAME.name(), current);
        }
        return direct.get().same()
                .map(same -> CodeBlock.of("!$L", call(same, CodeBlock.of("value, $L", current))))
                .orElseGet(() -> CodeBlock.of("!$T.equals(value, $L)", OBJECTS, current));
    }

    /** The built-in type of a value converted by direct calls, or empty if it goes through a constant. */
    private static Optional<BuiltInType> direct(ValueCodecSpec codec) {
        return codec instanceof ValueCodecSpec.BuiltIn builtIn && builtIn.type().direct()
                ? Optional.of(builtIn.type())
                : Optional.empty();
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
        if (spec instanceof ValueCodecSpec.BuiltIn builtIn) {
            return CodeBlock.of("$T.$N", RuntimeNames.owner(builtIn.type().codec()), builtIn.type().codec().name());
        }
        if (spec instanceof ValueCodecSpec.EnumOf enumOf) {
            return call(RuntimeCalls.ENUM_CODEC, CodeBlock.of("$T.class", enumOf.type()));
        }
        if (spec instanceof ValueCodecSpec.ListOf list) {
            return call(RuntimeCalls.LIST_CODEC, valueCodec(list.element()));
        }
        if (spec instanceof ValueCodecSpec.SetOf set) {
            return call(RuntimeCalls.SET_CODEC, valueCodec(set.element()));
        }
        if (spec instanceof ValueCodecSpec.MapOf map) {
            return call(RuntimeCalls.MAP_CODEC, valueCodec(map.value()));
        }
        ValueCodecSpec.Bound bound = (ValueCodecSpec.Bound) spec;
        return bound.generic()
                ? call(RuntimeCalls.BOUND_TYPE_CODEC, CodeBlock.of("new $T<$T>() {}", RuntimeNames.TYPE_REFERENCE,
                        bound.type()))
                : call(RuntimeCalls.BOUND_CLASS_CODEC, CodeBlock.of("$T.class", bound.type()));
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
