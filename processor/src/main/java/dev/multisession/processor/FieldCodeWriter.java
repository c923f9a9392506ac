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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes the statements that export, initialise, apply and describe one synced field. The
 * statements live in the codec's hooks, whose parameters are {@code model},
 * {@code json} (or {@code data}) and {@code changed}; the codec of a model type variable is a field.
 * Initialising and applying is one call: a field reached directly stores what it returns
 * ({@code model.note = ValueCodecs.STRING.apply(data, "note", model.note, changed)}). On apply, a
 * field with a setter hands the same call's result to the setter when it differs from the value
 * before ({@link #throughSetter}), three lines rather than a method reference ({@code model::setNote}),
 * which javac spends far more on; on init, where the setter is called for every key present, a field
 * looks its node up and converts it ({@code CONSTANT.fromJson}, {@code ValueReads.readInt},
 * {@code ModelValues.read}) in two lines ({@link #fromNode}). None of the calls of a value field is of
 * a generic method, and no statement hands over a setter as a method reference or a lambda, which
 * javac would have to infer and attribute at every field: values go through the methods of their
 * {@code ValueCodec} constant, primitives through {@code ValueUpdates} and {@code ValueReads} methods
 * of their own type, nested models through {@code ModelValues}, whose collections still take the
 * constructor of the collection to make ({@code ArrayList::new}).
 *
 * <p>Every runtime member the statements call comes from the shared ABI table
 * ({@link dev.multisession.codec.abi.BuiltInTypes}, {@link RuntimeCalls}), never from a name
 * spelled here, so that the runtime's test of the table covers all of them.
 */
final class FieldCodeWriter {

    private static final Pattern WORD_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

    /** The name of each value field's {@code ValueCodec} constant, by field name. */
    private final Map<String, String> constantNames = new HashMap<>();

    /** @param properties the synced fields one codec declares, whose constants are named here once */
    FieldCodeWriter(List<SyncedProperty> properties) {
        Set<String> taken = new HashSet<>();
        for (SyncedProperty property : properties) {
            if (needsConstant(property)) {
                // unitPrice becomes UNIT_PRICE_CODEC; orderNo, order_no and ORDER_NO read alike in
                // capitals: the later ones are numbered
                String base = WORD_BOUNDARY.matcher(property.name()).replaceAll("$1_$2").toUpperCase(Locale.ROOT)
                        + "_CODEC";
                String name = base;
                for (int n = 2; !taken.add(name); n++) {
                    name = base + "_" + n;
                }
                constantNames.put(property.name(), name);
            }
        }
    }

    private static boolean needsConstant(SyncedProperty property) {
        return property.valueType() instanceof ValueType.Value value && !(value.codec() instanceof ValueCodecSpec.BuiltIn);
    }

    /** The {@code ValueCodec} constant of a reference value field that is not of a built-in type. */
    Optional<FieldSpec> constant(SyncedProperty property) {
        String name = constantNames.get(property.name());
        if (name == null) {
            return Optional.empty(); // named in the constructor for every field that needs one
        }
        TypeName type = ParameterizedTypeName.get(RuntimeNames.VALUE_CODEC, property.type().box());
        return Optional.of(FieldSpec.builder(type, name, Modifier.PRIVATE,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Converts {@code $L}.\n", property.name())
                .initializer(valueCodec(((ValueType.Value) property.valueType()).codec()))
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
            if (codec instanceof ValueCodecSpec.BuiltIn builtIn && builtIn.type().direct()) {
                return exportDirect(builtIn.type(), key, read);
            }
            return CodeBlock.of("json.set($S, $L.$N($L));\n", key, valueCodecOf(property), RuntimeCalls.CODEC_TO_JSON.name(),
                    read);
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

    /** The statement that sets the field when {@code json} has its key. */
    CodeBlock init(SyncedProperty property) {
        CodeBlock key = CodeBlock.of("json, $S", property.jsonKey());
        String jsonKey = property.jsonKey();
        ValueType type = property.valueType();
        if (type instanceof ValueType.Primitive primitive) {
            BuiltInType builtIn = primitive.builtIn();
            return direct(property)
                    ? store(property, call(builtIn.initDirect().orElseThrow(), CodeBlock.of("$L, $L", key, read(property))))
                    : fromNode(property, "json", node -> call(builtIn.read().orElseThrow(),
                            CodeBlock.of("$N, $S", node, jsonKey)));
        }
        if (type instanceof ValueType.Value) {
            if (direct(property)) {
                return store(property,
                        onCodec(property, RuntimeCalls.INIT_VALUE, CodeBlock.of("$L, $L", key, read(property))));
            }
            // The setter is called for every key present, even with the value the field holds, which the
            // value returned by INIT_VALUE cannot tell from an absent key: the node is looked up here.
            return fromNode(property, "json",
                    node -> onCodec(property, RuntimeCalls.CODEC_FROM_JSON, CodeBlock.of("$N, $S", node, jsonKey)));
        }
        if (type instanceof ValueType.Model model) {
            return fromNode(property, "json", node -> call(RuntimeCalls.READ_MODEL,
                    CodeBlock.of("$L, $N, $S", codec(model.codec()), node, jsonKey)));
        }
        if (type instanceof ValueType.ModelCollection models) {
            return fromNode(property, "json", node -> call(RuntimeCalls.READ_MODELS,
                    CodeBlock.of("$L, $N, $S, $T::new", codec(models.codec()), node, jsonKey, models.implementation())));
        }
        throw notValidated(property);
    }

    /** The statement that applies the field when {@code data} has its key; the id is never applied. */
    CodeBlock apply(SyncedProperty property) {
        CodeBlock key = CodeBlock.of("data, $S", property.jsonKey());
        String jsonKey = property.jsonKey();
        CodeBlock current = read(property);
        ValueType type = property.valueType();
        if (type instanceof ValueType.Primitive primitive) {
            AbiMethod apply = primitive.builtIn().applyDirect().orElseThrow();
            return direct(property)
                    ? store(property, call(apply, CodeBlock.of("$L, $L, changed", key, current)))
                    : throughSetter(property, before -> call(apply, CodeBlock.of("$L, $N, changed", key, before)));
        }
        if (type instanceof ValueType.Value) {
            return direct(property)
                    ? store(property, onCodec(property, RuntimeCalls.APPLY_VALUE,
                            CodeBlock.of("$L, $L, changed", key, current)))
                    : throughSetter(property, before -> onCodec(property, RuntimeCalls.APPLY_VALUE,
                            CodeBlock.of("$L, $N, changed", key, before)));
        }
        if (type instanceof ValueType.Model model) {
            return modelInPlace(property, (node, before) -> call(RuntimeCalls.APPLY_MODEL,
                    CodeBlock.of("$L, $L, $N, $S, changed", codec(model.codec()), before, node, jsonKey)));
        }
        if (type instanceof ValueType.ModelCollection models) {
            return modelInPlace(property, (node, before) -> call(RuntimeCalls.APPLY_MODELS,
                    CodeBlock.of("$L, $L, $N, $S, changed, $T::new", codec(models.codec()), before, node, jsonKey,
                            models.implementation())));
        }
        throw notValidated(property);
    }

    /**
     * Sets the field from the node of its key when {@code source} has one, in two statements:
     * <pre>{@code
     * JsonNode noteNode = json.get("note");
     * if (noteNode != null) model.setNote(ValueCodecs.STRING.fromJson(noteNode, "note"));
     * }</pre>
     * The setter (or the field) is written for every key present, as on init it must be, and nothing is
     * handed over as a method reference or a lambda.
     *
     * @param source the hook's parameter, {@code json} or {@code data}
     * @param value the value to set, given the name of the local holding the node
     */
    private static CodeBlock fromNode(SyncedProperty property, String source, Function<String, CodeBlock> value) {
        String node = nodeName(property);
        String setter = property.access().orElseThrow().setter();
        return CodeBlock.builder()
                .add(lookUp(property, source))
                .add(setter == null
                        ? CodeBlock.of("if ($N != null) model.$N = $L;\n", node, property.name(), value.apply(node))
                        : CodeBlock.of("if ($N != null) model.$N($L);\n", node, setter, value.apply(node)))
                .build();
    }

    /**
     * Applies a nested model or a collection of models in place when {@code data} has its key: the
     * runtime changes the object the field holds and returns it, or returns another one (the field was
     * null, the JSON is null, or the model is now of another subtype), which is then stored. A field
     * reached directly takes the result in two statements ({@link #fromNode}), a setter in four, called
     * only for another object, as {@code ValueUpdates.updateModel} did with a setter reference.
     *
     * @param value the call, given the name of the local holding the node and the expression of the
     *     value before
     */
    private static CodeBlock modelInPlace(SyncedProperty property, BiFunction<String, CodeBlock, CodeBlock> value) {
        if (direct(property)) {
            return fromNode(property, "data", node -> value.apply(node, read(property)));
        }
        String node = nodeName(property);
        return CodeBlock.builder()
                .add(lookUp(property, "data"))
                .add(throughSetter(property, before -> CodeBlock.of("$N == null ? $N : $L", node, before,
                        value.apply(node, CodeBlock.of("$N", before)))))
                .build();
    }

    /** {@code JsonNode noteNode = json.get("note");} */
    private static CodeBlock lookUp(SyncedProperty property, String source) {
        return CodeBlock.of("$T $N = $N.get($S);\n", RuntimeNames.JSON_NODE, nodeName(property), source,
                property.jsonKey());
    }

    /** The local holding the field's node: {@code noteNode}. */
    private static String nodeName(SyncedProperty property) {
        return property.name() + "Node";
    }

    /** Whether the field is written directly, not through a setter. */
    private static boolean direct(SyncedProperty property) {
        return property.access().orElseThrow().setter() == null;
    }

    /**
     * Applies a field written through its setter, in three statements:
     * <pre>{@code
     * var noteBefore = model.getNote();
     * var noteAfter = ValueCodecs.STRING.apply(data, "note", noteBefore, changed);
     * if (noteAfter != noteBefore) model.setNote(noteAfter);
     * }</pre>
     * The call is the one of a field reached directly, which returns {@code current} itself when
     * the key is absent or its value the same, so the setter runs only for a value that differs,
     * as {@code applyWith} did. (Not for init: there the setter runs for every key present, even
     * with the value the field holds, which the returned value cannot tell apart from an absent key.)
     * No method reference is handed over: javac attributes each one as a poly expression and
     * compiles it to an {@code invokedynamic}, which made the setters' lines cost about as much to
     * compile as all the rest of the codec.
     *
     * @param value the call, given the name of the local holding the value before
     */
    private static CodeBlock throughSetter(SyncedProperty property, Function<String, CodeBlock> value) {
        String before = property.name() + "Before";
        String after = property.name() + "After";
        String primitive = property.valueType() instanceof ValueType.Primitive p
                ? p.builtIn().typeName() : "";
        CodeBlock differs = switch (primitive) {
            // the comparison of the runtime's change check: NaN is NaN, 0.0 is not -0.0
            case "double" -> CodeBlock.of("$T.compare($N, $N) != 0", Double.class, after, before);
            case "float" -> CodeBlock.of("$T.compare($N, $N) != 0", Float.class, after, before);
            default -> CodeBlock.of("$N != $N", after, before);
        };
        return CodeBlock.builder()
                // var: no import for the field's type, nothing for javac to resolve but the call itself
                .addStatement("var $N = $L", before, read(property))
                .addStatement("var $N = $L", after, value.apply(before))
                .addStatement("if ($L) model.$N($N)", differs, property.access().orElseThrow().setter(), after)
                .build();
    }

    /** {@code model.note = value;} */
    private static CodeBlock store(SyncedProperty property, CodeBlock value) {
        return CodeBlock.of("model.$N = $L;\n", property.name(), value);
    }

    /** {@code ValueCodecs.STRING.init(arguments)}: a method of the field's value codec constant. */
    private CodeBlock onCodec(SyncedProperty property, AbiMethod method, CodeBlock arguments) {
        return CodeBlock.of("$L.$N($L)", valueCodecOf(property), method.name(), arguments);
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
        if (property.valueType() instanceof ValueType.Primitive primitive) {
            BuiltInType builtIn = primitive.builtIn();
            return CodeBlock.of("$T.$N.$N($L)", RuntimeNames.owner(builtIn.codec()), builtIn.codec().name(),
                    RuntimeCalls.CODEC_TO_JSON.name(), read(property));
        }
        if (property.valueType() instanceof ValueType.Value) {
            return CodeBlock.of("$L.$N($L)", valueCodecOf(property), RuntimeCalls.CODEC_TO_JSON.name(), read(property));
        }
        throw notValidated(property);
    }

    /** The Java expression of a codec reference inside the codec's methods. */
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

    /** {@code ValueCodecs.STRING} for a built-in type, the field's own constant otherwise. */
    private CodeBlock valueCodecOf(SyncedProperty property) {
        ValueCodecSpec codec = ((ValueType.Value) property.valueType()).codec();
        if (codec instanceof ValueCodecSpec.BuiltIn builtIn) {
            return CodeBlock.of("$T.$N", RuntimeNames.owner(builtIn.type().codec()), builtIn.type().codec().name());
        }
        return CodeBlock.of("$N", constantNames.get(property.name()));
    }

    private static CodeBlock read(SyncedProperty property) {
        SyncedProperty.Access access = property.access().orElseThrow();
        return access.getter() == null
                ? CodeBlock.of("model.$N", property.name())
                : CodeBlock.of("model.$N()", access.getter());
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

    /** A field of a kind the model reader refuses reached the writer: a fault of the processor, not of the model. */
    private static IllegalStateException notValidated(SyncedProperty property) {
        return new IllegalStateException("field '" + property.name() + "' was not validated: " + property.valueType());
    }
}
