package dev.multisession.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.multisession.codec.abi.AbiMethod;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.codec.abi.RuntimeCalls;
import dev.multisession.processor.ModelClass.SuperCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Turns a validated {@link ModelClass} into the {@code <Simple>_MultiSession} source file.
 *
 * <p>The class extends the runtime's {@code GeneratedCodec}, which holds everything that does not
 * depend on the fields. The work is done by public static methods ({@code exportFields},
 * {@code initFields}, {@code applyFields}, {@code addFields}, {@code idOf}) that first call the
 * same method of the nearest synced ancestor's codec, so a subclass codec in another jar can chain
 * to them; each field is one line in each. Each takes a codec per type variable bounded by a model,
 * which a subclass binding the variable fills with the codec of the bound type. The base class's
 * hooks call them with the codecs of the bounds. A codec with such parameters also has {@code forSubclass}, which builds the
 * codec of a subclass that only inherits and binds them; without, the runtime wraps {@code INSTANCE}.
 * The class is marked with the {@link CodecAbi#VERSION ABI version} it is written for, which the
 * runtime checks before it uses the class.
 */
final class CodecWriter {

    static final String PROCESSOR = "dev.multisession.processor.MultiSessionProcessor";

    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName SET = ClassName.get(Set.class);
    private static final TypeName FIELD_LIST = ParameterizedTypeName.get(LIST, RuntimeNames.SYNCED_FIELD);
    private static final TypeName STRING_SET = ParameterizedTypeName.get(SET, ClassName.get(String.class));

    private final FieldCodeWriter fields = new FieldCodeWriter();
    private final CodecModuleAnnotations moduleAnnotations;

    /** @param moduleAnnotations the annotations that depend on the model's module ({@code @Generated} …) */
    CodecWriter(CodecModuleAnnotations moduleAnnotations) {
        this.moduleAnnotations = moduleAnnotations;
    }

    JavaFile write(ModelClass model) {
        TypeSpec.Builder type = TypeSpec.classBuilder(model.codecName())
                .addOriginatingElement(model.element())
                .addJavadoc(classJavadoc(model))
                .addAnnotations(moduleAnnotations.forCodecOf(model.element()))
                .addAnnotation(AnnotationSpec.builder(RuntimeNames.CODEC_ABI_VERSION)
                        .addMember("value", "$L", CodecAbi.VERSION).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeNames.owner(RuntimeCalls.GENERATED_CODEC_NEW),
                        model.instanceType()))
                .addField(FieldSpec.builder(model.codecName(), "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The codec of {@link $T}; stateless and thread-safe.\n", model.modelName())
                        .initializer("new $T()", model.codecName())
                        .build());
        for (SyncedProperty property : model.properties()) {
            fields.constant(property).ifPresent(type::addField);
        }
        type.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Only {@link #INSTANCE}.\n")
                        .addModifiers(Modifier.PRIVATE)
                        .addStatement("super($T.class, $L)", model.modelName(),
                                model.idKey().map(key -> CodeBlock.of("$S", key)).orElse(CodeBlock.of("null")))
                        .build())
                .addMethod(newInstance(model));
        if (model.idKey().isPresent()) {
            type.addMethod(instanceMethod("exportId", model)
                    .returns(RuntimeNames.JSON_NODE)
                    .addParameter(model.instanceType(), "model")
                    .addStatement("return idOf(model)")
                    .build());
        }
        // The base class's hooks, each a call of the static method a subclass's codec chains to.
        type.addMethod(hook(RuntimeCalls.EXPORT_TO, model)
                        .addParameter(model.instanceType(), "model")
                        .addParameter(RuntimeNames.OBJECT_NODE, "json")
                        .addStatement("exportFields(model, json$L)", boundCodecArguments(model))
                        .build())
                .addMethod(hook(RuntimeCalls.INIT_FROM, model)
                        .addParameter(model.instanceType(), "model")
                        .addParameter(RuntimeNames.JSON_NODE, "json")
                        .addStatement("initFields(model, json$L)", boundCodecArguments(model))
                        .build())
                .addMethod(hook(RuntimeCalls.APPLY_TO, model)
                        .addParameter(model.instanceType(), "model")
                        .addParameter(RuntimeNames.JSON_NODE, "data")
                        .addParameter(STRING_SET, "changed")
                        .addStatement("applyFields(model, data, changed$L)", boundCodecArguments(model))
                        .build())
                .addMethod(hook(RuntimeCalls.ADD_FIELDS_TO, model)
                        .addParameter(FIELD_LIST, "fields")
                        .addStatement("addFields(fields$L)", boundCodecArguments(model))
                        .build());
        type.addMethod(exportFields(model))
                .addMethod(initFields(model))
                .addMethod(applyFields(model))
                .addMethod(addFields(model));
        if (model.idKey().isPresent()) {
            type.addMethod(idOf(model));
        }
        if (!model.codecParameters().isEmpty()) {
            // Without model type variables, the runtime wraps INSTANCE for an inheriting subclass.
            type.addMethod(forSubclass(model));
        }
        return JavaFile.builder(model.modelName().packageName(), type.build())
                .skipJavaLangImports(true)
                .build();
    }

    private static CodeBlock classJavadoc(ModelClass model) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Multi-session sync code for {@link $T}, generated from its {@code @MultiSessionField} fields.\n",
                        model.modelName());
        model.superCall().ifPresent(superCall -> doc.add(
                "\n<p>The fields {@code $L} inherits are handled by {@link $T}.\n", model.modelName().simpleName(),
                superCall.codec()));
        return doc.build();
    }

    private static MethodSpec newInstance(ModelClass model) {
        MethodSpec.Builder method = instanceMethod("newInstance", model).returns(model.instanceType());
        if (model.facts().isAbstract()) {
            return method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
                            model.element().getQualifiedName() + " is abstract: create instances through the codec of a"
                                    + " concrete subclass (MultiSessionCodecs.forClass(subclass))")
                    .build();
        }
        return method.addStatement(model.isGeneric() ? "return new $T<>()" : "return new $T()", model.modelName()).build();
    }

    private static MethodSpec.Builder instanceMethod(String name, ModelClass model) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }

    private static MethodSpec.Builder hook(AbiMethod hook, ModelClass model) {
        return MethodSpec.methodBuilder(hook.name()).addAnnotation(Override.class).addModifiers(Modifier.PROTECTED);
    }

    private MethodSpec exportFields(ModelClass model) {
        MethodSpec.Builder method = staticMethod("exportFields", model,
                "Writes the synced fields of {@link $T} and of its ancestors into {@code json}.\n")
                .addParameter(model.declaredType(), "model")
                .addParameter(RuntimeNames.OBJECT_NODE, "json");
        addCodecParameters(method, model, "@param model the model\n@param json the object to write into\n");
        model.superCall().ifPresent(s -> method.addStatement("$T.exportFields(model, json$L)", s.codec(), superArguments(s)));
        model.properties().forEach(p -> method.addCode(fields.export(p)));
        return method.build();
    }

    private MethodSpec initFields(ModelClass model) {
        MethodSpec.Builder method = staticMethod("initFields", model,
                "Sets every synced field of {@link $T} and of its ancestors whose key {@code json} has.\n")
                .addParameter(model.declaredType(), "model")
                .addParameter(RuntimeNames.JSON_NODE, "json");
        addCodecParameters(method, model, "@param model a freshly constructed model\n@param json the model as JSON\n");
        model.superCall().ifPresent(s -> method.addStatement("$T.initFields(model, json$L)", s.codec(), superArguments(s)));
        model.properties().forEach(p -> method.addCode(fields.init(p)));
        return method.build();
    }

    private MethodSpec applyFields(ModelClass model) {
        MethodSpec.Builder method = staticMethod("applyFields", model,
                "Applies the keys {@code data} has to {@link $T} and its ancestors, adding those that changed to"
                        + " {@code changed}.\n")
                .addParameter(model.declaredType(), "model")
                .addParameter(RuntimeNames.JSON_NODE, "data")
                .addParameter(STRING_SET, "changed");
        addCodecParameters(method, model,
                "@param model the model\n@param data a partial update\n@param changed the keys that changed\n");
        model.superCall().ifPresent(s ->
                method.addStatement("$T.applyFields(model, data, changed$L)", s.codec(), superArguments(s)));
        for (SyncedProperty property : model.properties()) {
            if (property.id()) {
                method.addComment("$S is the id: never changed by an update", property.jsonKey());
            } else {
                method.addCode(fields.apply(property));
            }
        }
        return method.build();
    }

    private MethodSpec addFields(ModelClass model) {
        MethodSpec.Builder method = staticMethod("addFields", model,
                "Adds the metadata of the synced fields of {@link $T}, ancestors' first, to {@code fields}.\n")
                .addParameter(FIELD_LIST, "fields");
        addCodecParameters(method, model, "@param fields the list to add to\n");
        model.superCall().ifPresent(s -> method.addStatement("$T.addFields(fields$L)", s.codec(), superArguments(s)));
        model.properties().forEach(p -> method.addCode(fields.metadata(p)));
        return method.build();
    }

    private MethodSpec idOf(ModelClass model) {
        MethodSpec.Builder method = staticMethod("idOf", model, "The id of a {@link $T} as it is exported.\n")
                .returns(RuntimeNames.JSON_NODE)
                .addParameter(model.declaredType(), "model")
                .addJavadoc(typeVariableDocs(model))
                .addJavadoc("@param model the model\n@return the id\n");
        Optional<SyncedProperty> own = model.ownId();
        if (own.isPresent()) {
            method.addStatement("return $L", fields.idAsJson(own.get()));
        } else {
            method.addStatement("return $T.idOf(model)", model.superCall().orElseThrow().codec());
        }
        return method.build();
    }

    private MethodSpec forSubclass(ModelClass model) {
        TypeVariableName subclass = TypeVariableName.get(subclassVariable(model), model.declaredType());
        MethodSpec.Builder method = staticMethod("forSubclass", model,
                "The codec of a subclass of {@link $T} that declares no synced field of its own; called once by\n"
                        + "{@code MultiSessionCodecs.forClass}.\n")
                .addTypeVariable(subclass)
                .returns(ParameterizedTypeName.get(RuntimeNames.CODEC, subclass))
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), subclass), "type")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Supplier.class), subclass), "constructor");
        method.addJavadoc("@param <$L> the subclass\n", subclass.name());
        addCodecParameters(method, model, "@param type the subclass\n@param constructor makes an instance of it\n");
        method.addJavadoc("@return the subclass's codec\n");
        String codecs = parameterArguments(model);
        method.addStatement("$T fields = new $T<>()", FIELD_LIST, ArrayList.class)
                .addStatement("addFields(fields$L)", codecs)
                .addStatement("return new $T<$L>(type, constructor,\n(model, json) -> exportFields(model, json$L),\n"
                                + "(model, json) -> initFields(model, json$L),\n"
                                + "(model, data, changed) -> applyFields(model, data, changed$L),\n$L,\nfields, $L)",
                        RuntimeNames.owner(RuntimeCalls.DERIVED_CODEC_NEW), subclass.name(), codecs, codecs, codecs,
                        model.idKey().isPresent() ? "model -> idOf(model)" : "null",
                        model.idKey().map(key -> CodeBlock.of("$S", key)).orElse(CodeBlock.of("null")));
        return method.build();
    }

    private static MethodSpec.Builder staticMethod(String name, ModelClass model, String javadoc) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc, model.modelName())
                .addJavadoc("\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariables(model.typeVariables());
        if (model.superCall().map(SuperCall::raw).orElse(false)) {
            // The class extends its synced ancestor as a raw type, so the ancestor's generic code is called raw.
            method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build());
        }
        return method;
    }

    /** The codec parameters, and the Javadoc tags of every parameter: {@code -Xdoclint:all} finds none missing. */
    private static void addCodecParameters(MethodSpec.Builder method, ModelClass model, String parameterDocs) {
        method.addJavadoc(typeVariableDocs(model)).addJavadoc(parameterDocs);
        for (CodecRef.Parameter parameter : model.codecParameters()) {
            method.addParameter(ParameterSpec.builder(ParameterizedTypeName.get(RuntimeNames.CODEC,
                    TypeVariableName.get(parameter.typeVariable())), parameter.parameterName()).build());
            method.addJavadoc("@param $N the codec of {@code $L}\n", parameter.parameterName(),
                    parameter.typeVariable());
        }
    }

    private static CodeBlock typeVariableDocs(ModelClass model) {
        CodeBlock.Builder docs = CodeBlock.builder();
        model.typeVariables().forEach(v -> docs.add("@param <$L> the model's type variable\n", v.name()));
        return docs.build();
    }

    /** {@code , lCodec} for each codec parameter, to pass them on. */
    private static String parameterArguments(ModelClass model) {
        StringBuilder arguments = new StringBuilder();
        model.codecParameters().forEach(p -> arguments.append(", ").append(p.parameterName()));
        return arguments.toString();
    }

    /** {@code , Orderline_MultiSession.INSTANCE} for each codec parameter: the codecs of the bounds. */
    private static CodeBlock boundCodecArguments(ModelClass model) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        model.codecParameters().forEach(p ->
                arguments.add(", $L", FieldCodeWriter.codec(model.boundCodecs().get(p.typeVariable()))));
        return arguments.build();
    }

    private static CodeBlock superArguments(SuperCall superCall) {
        CodeBlock.Builder arguments = CodeBlock.builder();
        superCall.codecArguments().forEach(ref -> arguments.add(", $L", FieldCodeWriter.codec(ref)));
        return arguments.build();
    }

    /** A name for the subclass type variable that none of the model's own type variables uses. */
    private static String subclassVariable(ModelClass model) {
        String name = "S";
        for (int i = 1; containsVariable(model, name); i++) {
            name = "S" + i;
        }
        return name;
    }

    private static boolean containsVariable(ModelClass model, String name) {
        return model.typeVariables().stream().anyMatch(v -> v.name().equals(name));
    }
}
