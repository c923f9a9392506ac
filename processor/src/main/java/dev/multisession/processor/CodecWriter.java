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
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.codec.abi.RuntimeCalls;
import dev.multisession.processor.ModelClass.SuperCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;

/**
 * Turns a validated {@link ModelClass} into the {@code <Simple>_MultiSession} source file.
 *
 * <p>The work is done by public static methods ({@code exportFields}, {@code initFields},
 * {@code applyFields}, {@code addFields}, {@code idOf}) that first call the same method of the
 * nearest synced ancestor's codec, so a subclass codec in another jar can chain to them. Each
 * takes a codec per type variable bounded by a model, which a subclass binding the variable
 * fills with the codec of the bound type. The instance methods of the codec call them with the
 * codecs of the bounds. A codec with such parameters also has {@code forSubclass}, which builds the
 * codec of a subclass that only inherits and binds them; without, the runtime wraps {@code INSTANCE}.
 * The class is marked with the {@link CodecAbi#VERSION ABI version} it is written for, which the
 * runtime checks before it uses the class.
 */
final class CodecWriter {

    static final String PROCESSOR = "dev.multisession.processor.MultiSessionProcessor";

    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName SET = ClassName.get(Set.class);
    private static final ClassName OPTIONAL = ClassName.get(Optional.class);
    private static final TypeName FIELD_LIST = ParameterizedTypeName.get(LIST, RuntimeNames.SYNCED_FIELD);
    private static final TypeName STRING_SET = ParameterizedTypeName.get(SET, ClassName.get(String.class));

    private final FieldCodeWriter fields = new FieldCodeWriter();
    private final CodecModuleAnnotations moduleAnnotations;

    /** @param moduleAnnotations the annotations that depend on the model's module ({@code @Generated} …) */
    CodecWriter(CodecModuleAnnotations moduleAnnotations) {
        this.moduleAnnotations = moduleAnnotations;
    }

    JavaFile write(ModelClass model) {
        TypeName codecType = ParameterizedTypeName.get(RuntimeNames.CODEC, model.instanceType());
        TypeSpec.Builder type = TypeSpec.classBuilder(model.codecName())
                .addOriginatingElement(model.element())
                .addJavadoc(classJavadoc(model))
                .addAnnotations(moduleAnnotations.forCodecOf(model.element()))
                .addAnnotation(AnnotationSpec.builder(RuntimeNames.CODEC_ABI_VERSION)
                        .addMember("value", "$L", CodecAbi.VERSION).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(codecType)
                .addField(FieldSpec.builder(model.codecName(), "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The codec of {@link $T}; stateless and thread-safe.\n", model.modelName())
                        .initializer("new $T()", model.codecName())
                        .build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(OPTIONAL, ClassName.get(String.class)), "ID_KEY",
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(model.idKey().map(key -> CodeBlock.of("$T.of($S)", OPTIONAL, key))
                                .orElse(CodeBlock.of("$T.empty()", OPTIONAL)))
                        .build());
        for (SyncedProperty property : model.properties()) {
            fields.constant(property).ifPresent(type::addField);
        }
        type.addField(FieldSpec.builder(FIELD_LIST, "fieldList", Modifier.PRIVATE, Modifier.VOLATILE).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(modelType(model))
                .addMethod(newInstance(model))
                .addMethod(instanceMethod("exportAsJson", model)
                        .returns(RuntimeNames.OBJECT_NODE)
                        .addParameter(model.instanceType(), "model")
                        .addStatement("$T json = $T.instance.objectNode()", RuntimeNames.OBJECT_NODE,
                                RuntimeNames.JSON_NODE_FACTORY)
                        .addStatement("exportFields(model, json$L)", boundCodecArguments(model))
                        .addStatement("return json")
                        .build())
                .addMethod(instanceMethod("initFromJson", model)
                        .addParameter(model.instanceType(), "model")
                        .addParameter(RuntimeNames.JSON_NODE, "json")
                        .addStatement("initFields(model, json$L)", boundCodecArguments(model))
                        .build())
                .addMethod(instanceMethod("applyMsData", model)
                        .returns(STRING_SET)
                        .addParameter(model.instanceType(), "model")
                        .addParameter(RuntimeNames.JSON_NODE, "data")
                        .addStatement("$T changed = new $T<>()", STRING_SET, LinkedHashSet.class)
                        .addStatement("applyFields(model, data, changed$L)", boundCodecArguments(model))
                        .addStatement("return changed")
                        .build())
                .addMethod(instanceMethod("applyMsData", model)
                        .addParameter(model.instanceType(), "model")
                        .addParameter(RuntimeNames.JSON_NODE, "data")
                        .addParameter(STRING_SET, "changed")
                        .addStatement("applyFields(model, data, changed$L)", boundCodecArguments(model))
                        .build())
                .addMethod(instanceMethod("fields", model)
                        .returns(FIELD_LIST)
                        .addComment("Built on first use: the codecs of nested models may not be initialised yet when this one is")
                        .addStatement("$T result = fieldList", FIELD_LIST)
                        .beginControlFlow("if (result == null)")
                        .addStatement("$T collected = new $T<>()", FIELD_LIST, ArrayList.class)
                        .addStatement("addFields(collected$L)", boundCodecArguments(model))
                        .addStatement("result = $T.copyOf(collected)", LIST)
                        .addStatement("fieldList = result")
                        .endControlFlow()
                        .addStatement("return result")
                        .build())
                .addMethod(instanceMethod("idKey", model)
                        .returns(ParameterizedTypeName.get(OPTIONAL, ClassName.get(String.class)))
                        .addStatement("return ID_KEY")
                        .build());
        if (model.idKey().isPresent()) {
            type.addMethod(instanceMethod("exportId", model)
                    .returns(RuntimeNames.JSON_NODE)
                    .addParameter(model.instanceType(), "model")
                    .addStatement("return idOf(model)")
                    .build());
        }
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

    private static MethodSpec modelType(ModelClass model) {
        TypeName classType = ParameterizedTypeName.get(ClassName.get(Class.class), model.instanceType());
        MethodSpec.Builder method = instanceMethod("modelType", model).returns(classType);
        if (model.isGeneric()) {
            // A class literal is raw; the codec handles the class with its type variables at their bounds.
            return method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked")
                            .build())
                    .addStatement("$T type = ($T) ($T<?>) $T.class", classType, classType, Class.class, model.modelName())
                    .addStatement("return type")
                    .build();
        }
        return method.addStatement("return $T.class", model.modelName()).build();
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

    private MethodSpec exportFields(ModelClass model) {
        MethodSpec.Builder method = staticMethod("exportFields", model,
                "Writes the synced fields of {@link $T} and of its ancestors into {@code json}.\n")
                .addParameter(model.declaredType(), "model")
                .addParameter(RuntimeNames.OBJECT_NODE, "json");
        addCodecParameters(method, model);
        model.superCall().ifPresent(s -> method.addStatement("$T.exportFields(model, json$L)", s.codec(), superArguments(s)));
        model.properties().forEach(p -> method.addCode(fields.export(p)));
        return method.build();
    }

    private MethodSpec initFields(ModelClass model) {
        MethodSpec.Builder method = staticMethod("initFields", model,
                "Sets every synced field of {@link $T} and of its ancestors whose key {@code json} has.\n")
                .addParameter(model.declaredType(), "model")
                .addParameter(RuntimeNames.JSON_NODE, "json");
        addCodecParameters(method, model);
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
        addCodecParameters(method, model);
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
        addCodecParameters(method, model);
        model.superCall().ifPresent(s -> method.addStatement("$T.addFields(fields$L)", s.codec(), superArguments(s)));
        model.properties().forEach(p -> method.addCode(fields.metadata(p)));
        return method.build();
    }

    private MethodSpec idOf(ModelClass model) {
        MethodSpec.Builder method = staticMethod("idOf", model, "The id of a {@link $T} as it is exported.\n")
                .returns(RuntimeNames.JSON_NODE)
                .addParameter(model.declaredType(), "model");
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
        addCodecParameters(method, model);
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
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addTypeVariables(model.typeVariables());
        if (model.superCall().map(SuperCall::raw).orElse(false)) {
            // The class extends its synced ancestor as a raw type, so the ancestor's generic code is called raw.
            method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build());
        }
        return method;
    }

    private static void addCodecParameters(MethodSpec.Builder method, ModelClass model) {
        for (CodecRef.Parameter parameter : model.codecParameters()) {
            method.addParameter(ParameterSpec.builder(ParameterizedTypeName.get(RuntimeNames.CODEC,
                    TypeVariableName.get(parameter.typeVariable())), parameter.parameterName()).build());
        }
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
