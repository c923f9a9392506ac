package dev.multisession.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.codec.abi.RuntimeCalls;
import dev.multisession.processor.ModelClass.SuperCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns a validated {@link ModelClass} into the {@code <Simple>_MultiSession} source file.
 *
 * <p>The class extends the runtime's {@code GeneratedCodec}, which holds everything that does not
 * depend on the fields, and implements its four hooks with one line per field in each. A codec
 * whose model has synced ancestors first calls the nearest ancestor's codec through the base
 * class's public methods, on a constant: the ancestor's {@code INSTANCE}, or, when the ancestor has
 * type variables, an {@code ANCESTOR} made for the types this class binds them to (an instance
 * field when this class passes on variables of its own). A model with type variables gets a
 * generic codec with a public constructor taking a codec per variable bounded by a model; its
 * {@code INSTANCE} is made with the codecs of the bounds, and the runtime makes others for
 * subclasses that only inherit. The class is marked with the {@link CodecAbi#VERSION ABI version}
 * it is written for, which the runtime checks before it uses the class.
 */
final class CodecWriter {

    static final String PROCESSOR = "dev.multisession.processor.MultiSessionProcessor";

    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName SET = ClassName.get(Set.class);
    private static final TypeName FIELD_LIST = ParameterizedTypeName.get(LIST, RuntimeNames.SYNCED_FIELD);
    private static final TypeName STRING_SET = ParameterizedTypeName.get(SET, ClassName.get(String.class));
    private static final AnnotationSpec RAW = AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build();

    private final CodecModuleAnnotations moduleAnnotations;
    private final PackageShadows shadows;

    /**
     * @param moduleAnnotations the annotations that depend on the model's module ({@code @Generated} …)
     * @param shadows the java.lang names the model's package hides
     */
    CodecWriter(CodecModuleAnnotations moduleAnnotations, PackageShadows shadows) {
        this.moduleAnnotations = moduleAnnotations;
        this.shadows = shadows;
    }

    JavaFile write(ModelClass model) {
        FieldCodeWriter fields = new FieldCodeWriter(model.properties());
        TypeName handled = model.isGeneric() ? model.declaredType() : model.modelName();
        TypeSpec.Builder type = TypeSpec.classBuilder(model.codecName())
                .addOriginatingElement(model.element())
                .addJavadoc(classJavadoc(model))
                .addAnnotations(moduleAnnotations.forCodecOf(model.element()))
                .addAnnotation(AnnotationSpec.builder(RuntimeNames.CODEC_ABI_VERSION)
                        .addMember("value", "$L", CodecAbi.VERSION).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addTypeVariables(model.typeVariables())
                .superclass(ParameterizedTypeName.get(RuntimeNames.owner(RuntimeCalls.GENERATED_CODEC_NEW), handled))
                .addField(instance(model))
                .alwaysQualify(shadows.javaLangNamesHiddenFrom(model.element()).toArray(String[]::new));
        for (SyncedProperty property : model.properties()) {
            fields.constant(property).ifPresent(type::addField);
        }
        for (CodecRef.Parameter parameter : model.codecParameters()) {
            type.addField(FieldSpec.builder(codecOf(parameter), parameter.parameterName(), Modifier.PRIVATE,
                            Modifier.FINAL)
                    .addJavadoc("The codec of {@code $L}.\n", parameter.typeVariable())
                    .build());
        }
        Optional<CodeBlock> ancestor = model.superCall().map(superCall -> ancestor(model, superCall, type));
        type.addMethod(constructor(model))
                .addMethod(newInstance(model, handled));
        if (model.idKey().isPresent()) {
            Optional<SyncedProperty> own = model.ownId();
            type.addMethod(hook("exportId", model, Modifier.PUBLIC)
                    .returns(RuntimeNames.JSON_NODE)
                    .addParameter(handled, "model")
                    .addStatement("return $L", own.isPresent() ? fields.idAsJson(own.get())
                            : CodeBlock.of("$L.$N(model)", ancestor.orElseThrow(), RuntimeCalls.EXPORT_ID.name()))
                    .build());
        }
        MethodSpec.Builder exportTo = hook(RuntimeCalls.EXPORT_TO.name(), model, Modifier.PROTECTED)
                .addParameter(handled, "model")
                .addParameter(RuntimeNames.OBJECT_NODE, "json");
        MethodSpec.Builder initFrom = hook(RuntimeCalls.INIT_FROM.name(), model, Modifier.PROTECTED)
                .addParameter(handled, "model")
                .addParameter(RuntimeNames.JSON_NODE, "json");
        MethodSpec.Builder applyTo = hook(RuntimeCalls.APPLY_TO.name(), model, Modifier.PROTECTED)
                .addParameter(handled, "model")
                .addParameter(RuntimeNames.JSON_NODE, "data")
                .addParameter(STRING_SET, "changed");
        MethodSpec.Builder addFieldsTo = hook(RuntimeCalls.ADD_FIELDS_TO.name(), model, Modifier.PROTECTED)
                .addParameter(FIELD_LIST, "fields");
        ancestor.ifPresent(a -> {
            exportTo.addStatement("$L.$N(model, json)", a, RuntimeCalls.EXPORT_INTO.name());
            initFrom.addStatement("$L.$N(model, json)", a, RuntimeCalls.INIT_FROM_JSON.name());
            applyTo.addStatement("$L.$N(model, data, changed)", a, RuntimeCalls.APPLY_MS_DATA.name());
            addFieldsTo.addStatement("fields.addAll($L.$N())", a, RuntimeCalls.FIELDS.name());
        });
        for (SyncedProperty property : model.properties()) {
            exportTo.addCode(fields.export(property));
            initFrom.addCode(fields.init(property));
            if (property.id()) {
                applyTo.addComment("$S is the id: never changed by an update", property.jsonKey());
            } else {
                applyTo.addCode(fields.apply(property));
            }
            addFieldsTo.addCode(fields.metadata(property));
        }
        type.addMethod(exportTo.build())
                .addMethod(initFrom.build())
                .addMethod(applyTo.build())
                .addMethod(addFieldsTo.build());
        // no import line per java.lang class (every codec would carry a few); the names a class of
        // the model's package hides are written in full instead (alwaysQualify, PackageShadows)
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
        if (model.isGeneric()) {
            // doclint (JDK 21 and later) asks a generic class for a @param of each type variable
            doc.add("\n");
            for (TypeVariableName variable : model.typeVariables()) {
                doc.add("@param <$L> the type of the model's {@code $L}\n", variable.name(), variable.name());
            }
        }
        return doc.build();
    }

    /** {@code INSTANCE}; for a generic model, made with the codecs of its type variables' bounds. */
    private static FieldSpec instance(ModelClass model) {
        TypeName type = model.codecName();
        CodeBlock initializer = CodeBlock.of("new $T()", model.codecName());
        if (model.isGeneric()) {
            List<TypeName> arguments = ((ParameterizedTypeName) model.instanceType()).typeArguments();
            type = ParameterizedTypeName.get(model.codecName(), arguments.toArray(TypeName[]::new));
            CodeBlock codecs = codecList(model.codecParameters().stream()
                    .map(parameter -> model.boundCodecs().get(parameter.typeVariable())).toList());
            // a variable left open (?) is inferred
            boolean open = arguments.stream().anyMatch(WildcardTypeName.class::isInstance);
            initializer = open ? CodeBlock.of("new $T<>($L)", model.codecName(), codecs)
                    : CodeBlock.of("new $T($L)", type, codecs);
        }
        return FieldSpec.builder(type, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(model.isGeneric()
                        ? "The codec of {@link $T} at the bounds of its type variables; stateless and thread-safe.\n"
                        : "The codec of {@link $T}; stateless and thread-safe.\n", model.modelName())
                .initializer(initializer)
                .build();
    }

    private static MethodSpec constructor(ModelClass model) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addStatement("super($T.class, $L)", model.modelName(),
                        model.idKey().map(key -> CodeBlock.of("$S", key)).orElse(CodeBlock.of("null")));
        if (!model.isGeneric()) {
            return constructor.addJavadoc("Only {@link #INSTANCE}.\n").addModifiers(Modifier.PRIVATE).build();
        }
        constructor.addModifiers(Modifier.PUBLIC)
                .addJavadoc("The codec of {@link $T} for the types its type variables stand for; the codec of a subclass"
                        + " makes one for the types it binds them to.\n", model.modelName());
        if (!model.codecParameters().isEmpty()) {
            constructor.addJavadoc("\n");
        }
        for (CodecRef.Parameter parameter : model.codecParameters()) {
            constructor.addParameter(codecOf(parameter), parameter.parameterName())
                    .addJavadoc("@param $N the codec of {@code $L}\n", parameter.parameterName(), parameter.typeVariable())
                    .addStatement("this.$N = $N", parameter.parameterName(), parameter.parameterName());
        }
        if (model.superCall().map(SuperCall::raw).orElse(false)) {
            constructor.addAnnotation(RAW);
        }
        model.superCall().filter(SuperCall::generic).ifPresent(superCall ->
                constructor.addStatement("this.ancestor = new $T($L)", ancestorType(superCall), ancestorCodecs(superCall)));
        return constructor.build();
    }

    private static TypeName codecOf(CodecRef.Parameter parameter) {
        return ParameterizedTypeName.get(RuntimeNames.CODEC, TypeVariableName.get(parameter.typeVariable()));
    }

    /**
     * The expression of the ancestor's codec this codec chains to, adding the constant or field that holds
     * it when it is not the ancestor's {@code INSTANCE}.
     */
    private static CodeBlock ancestor(ModelClass model, SuperCall superCall, TypeSpec.Builder type) {
        if (!superCall.generic()) {
            return CodeBlock.of("$T.INSTANCE", superCall.codec());
        }
        TypeName codecType = ancestorType(superCall);
        // A codec with type variables of its own may pass them on: its ancestor's codec is then one per instance.
        boolean perInstance = model.isGeneric();
        FieldSpec.Builder field = FieldSpec.builder(codecType, perInstance ? "ancestor" : "ANCESTOR", Modifier.PRIVATE)
                .addJavadoc("The ancestor's codec, {@link $T}, for the types {@code $L} binds its type variables to.\n",
                        superCall.codec(), model.modelName().simpleName());
        if (superCall.raw()) {
            field.addAnnotation(RAW);
        }
        if (perInstance) {
            // set in the constructor, after the codec fields it may be made from
            type.addField(field.addModifiers(Modifier.FINAL).build());
            return CodeBlock.of("ancestor");
        }
        type.addField(field.addModifiers(Modifier.STATIC, Modifier.FINAL)
                .initializer("new $T($L)", codecType, ancestorCodecs(superCall)).build());
        return CodeBlock.of("ANCESTOR");
    }

    /** The generic ancestor's codec type as this class binds the ancestor's type variables (raw if it extends it raw). */
    private static TypeName ancestorType(SuperCall superCall) {
        return superCall.raw() ? superCall.codec()
                : ParameterizedTypeName.get(superCall.codec(), superCall.typeArguments().toArray(TypeName[]::new));
    }

    /** The codecs the generic ancestor's codec is made with, one per model type variable of the ancestor. */
    private static CodeBlock ancestorCodecs(SuperCall superCall) {
        return codecList(superCall.codecArguments());
    }

    /** Codec expressions as constructor arguments: {@code a, b}. */
    private static CodeBlock codecList(List<CodecRef> refs) {
        return CodeBlock.join(refs.stream().map(FieldCodeWriter::codec).toList(), ", ");
    }

    private static MethodSpec newInstance(ModelClass model, TypeName handled) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("newInstance").addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC).returns(handled);
        if (model.facts().isAbstract()) {
            return method.addStatement("throw new $T($S)", UnsupportedOperationException.class,
                            model.element().getQualifiedName() + " is abstract: create instances through the codec of a"
                                    + " concrete subclass (MultiSessionCodecs.forClass(subclass))")
                    .build();
        }
        return method.addStatement(model.isGeneric() ? "return new $T<>()" : "return new $T()", model.modelName()).build();
    }

    private static MethodSpec.Builder hook(String name, ModelClass model, Modifier visibility) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(visibility);
        if (model.superCall().map(SuperCall::raw).orElse(false)) {
            // The class extends its synced ancestor as a raw type, so the ancestor's codec is called raw.
            method.addAnnotation(RAW);
        }
        return method;
    }
}
