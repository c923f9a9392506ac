package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.multisession.processor.ModelClass.ClassFacts;
import dev.multisession.processor.ModelClass.InheritedKey;
import dev.multisession.processor.ModelClass.ModelBinding;
import dev.multisession.processor.ModelClass.SuperCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a model class and its synced ancestors into a {@link ModelClass}. */
final class ModelReader {

    /** The outcome of reading a class. */
    sealed interface Result {
        /** The class was read. */
        record Read(ModelClass model) implements Result {}

        /** The class must wait for a later round: its superclass or the superclass's codec is missing. */
        record Deferred(String missing) implements Result {}
    }

    private final Elements elements;
    private final Types types;
    private final SyncedFieldScanner scanner;
    private final TypeClassifier classifier;
    private final AccessorResolver accessors;

    ModelReader(Elements elements, Types types, SyncedFieldScanner scanner) {
        this.elements = elements;
        this.types = types;
        this.scanner = scanner;
        this.classifier = new TypeClassifier(types, scanner);
        this.accessors = new AccessorResolver(elements, types);
    }

    /** Starts a round: what was read of classes in earlier rounds may have changed since. */
    void startRound() {
        accessors.forget();
    }

    /**
     * @param type the class declaring synced fields
     * @param pendingModels qualified names of models whose codecs are being generated in this run
     */
    Result read(TypeElement type, Set<String> pendingModels) {
        TypeElement ancestor = null;
        for (TypeElement current = type; ; ) {
            TypeMirror superclass = current.getSuperclass();
            if (superclass.getKind() == TypeKind.ERROR) {
                return new Result.Deferred(superclass.toString());
            }
            current = SyncedFieldScanner.superclass(current);
            if (current == null) {
                break;
            }
            if (scanner.declaresSyncedFields(current)) {
                ancestor = current;
                break;
            }
        }
        if (ancestor != null && !pendingModels.contains(ancestor.getQualifiedName().toString())
                && elements.getTypeElement(CodecNames.qualifiedCodecOf(ancestor)) == null) {
            return new Result.Deferred(CodecNames.qualifiedCodecOf(ancestor));
        }
        List<InheritedKey> inheritedKeys = inheritedKeys(ancestor);
        List<SyncedProperty> properties = properties(type);
        Optional<String> idKey = properties.stream().filter(SyncedProperty::id).map(SyncedProperty::jsonKey).findFirst()
                .or(() -> inheritedKeys.stream().filter(InheritedKey::id).map(InheritedKey::jsonKey).findFirst());

        List<TypeVariableName> typeVariables = new ArrayList<>();
        List<CodecRef.Parameter> codecParameters = new ArrayList<>();
        Map<String, CodecRef> boundCodecs = new LinkedHashMap<>();
        List<TypeName> boundTypes = new ArrayList<>();
        for (TypeParameterElement parameter : type.getTypeParameters()) {
            typeVariables.add(TypeVariableName.get(parameter));
            TypeMirror bound = types.erasure(parameter.getBounds().get(0));
            TypeElement boundModel = classifier.modelElement(bound);
            // no raw type fits a bound such as Comparable<T> or an intersection: INSTANCE leaves such a variable open
            boundTypes.add(boundModel != null ? TypeName.get(bound) : WildcardTypeName.subtypeOf(Object.class));
            if (boundModel != null) {
                String name = parameter.getSimpleName().toString();
                codecParameters.add(new CodecRef.Parameter(name));
                boundCodecs.put(name, classifier.refTo(boundModel));
            }
        }
        ClassName modelName = ClassName.get(type);
        TypeName instanceType = typeVariables.isEmpty() ? modelName
                : ParameterizedTypeName.get(modelName, boundTypes.toArray(TypeName[]::new));
        TypeName declaredType = typeVariables.isEmpty() ? modelName
                : ParameterizedTypeName.get(modelName, typeVariables.toArray(TypeName[]::new));

        return new Result.Read(new ModelClass(type, modelName, CodecNames.codecOf(type), typeVariables, codecParameters,
                boundCodecs, instanceType, declaredType, facts(type), superCall(type, ancestor, inheritedKeys),
                inheritedKeys, properties, idKey));
    }

    private List<SyncedProperty> properties(TypeElement type) {
        List<SyncedProperty> properties = new ArrayList<>();
        for (SyncedFieldScanner.Annotated annotated : scanner.declaredBy(type)) {
            var field = annotated.field();
            AccessorResolver.Result access = accessors.resolve(type, field);
            TypeMirror mirror = field.asType();
            properties.add(new SyncedProperty(field, field.getSimpleName().toString(), annotated.jsonKey(),
                    annotated.merge(), annotated.id(), mirror, TypeName.get(mirror), classifier.classify(mirror),
                    field.getModifiers(), access.access(), access.missing()));
        }
        return properties;
    }

    /** The keys of every synced ancestor, root first. */
    private List<InheritedKey> inheritedKeys(TypeElement ancestor) {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeElement current = ancestor; current != null; current = SyncedFieldScanner.superclass(current)) {
            chain.add(0, current);
        }
        List<InheritedKey> keys = new ArrayList<>();
        for (TypeElement declaring : chain) {
            for (SyncedFieldScanner.Annotated annotated : scanner.declaredBy(declaring)) {
                keys.add(new InheritedKey(annotated.jsonKey(), annotated.field().getSimpleName().toString(),
                        declaring.getQualifiedName().toString(), annotated.id(),
                        accessors.resolve(declaring, annotated.field()).access()));
            }
        }
        return keys;
    }

    /** How this class calls its nearest synced ancestor, binding the ancestor's type variables. */
    private Optional<SuperCall> superCall(TypeElement type, TypeElement ancestor, List<InheritedKey> inheritedKeys) {
        if (ancestor == null) {
            return Optional.empty();
        }
        DeclaredType seen = (DeclaredType) type.asType();
        while (seen.asElement() != ancestor) {
            seen = (DeclaredType) types.directSupertypes(seen).get(0);
        }
        boolean raw = seen.getTypeArguments().isEmpty() && !ancestor.getTypeParameters().isEmpty();
        List<CodecRef> arguments = new ArrayList<>();
        List<ModelBinding> bindings = new ArrayList<>();
        List<? extends TypeParameterElement> parameters = ancestor.getTypeParameters();
        for (int i = 0; i < parameters.size(); i++) {
            TypeMirror bound = types.erasure(parameters.get(i).getBounds().get(0));
            TypeElement boundModel = classifier.modelElement(bound);
            if (boundModel == null) {
                continue;
            }
            CodecRef argument = raw ? null : classifier.codecOf(seen.getTypeArguments().get(i));
            arguments.add(argument != null ? argument : classifier.refTo(boundModel));
            if (!raw) {
                bindings.add(new ModelBinding(parameters.get(i).getSimpleName().toString(),
                        ancestor.getQualifiedName().toString(), seen.getTypeArguments().get(i)));
            }
        }
        boolean ancestorHasId = inheritedKeys.stream().anyMatch(InheritedKey::id);
        return Optional.of(new SuperCall(CodecNames.codecOf(ancestor), arguments, ancestorHasId, raw,
                !parameters.isEmpty(), raw ? List.of() : seen.getTypeArguments().stream().map(TypeName::get).toList(),
                bindings));
    }

    private ClassFacts facts(TypeElement type) {
        boolean isAbstract = type.getModifiers().contains(Modifier.ABSTRACT);
        Optional<ExecutableElement> noArg = Optional.empty();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            // the implicit constructor of a private class is private too, and stops being so with the class
            boolean reachable = !constructor.getModifiers().contains(Modifier.PRIVATE)
                    || elements.getOrigin(constructor) == Elements.Origin.MANDATED;
            if (constructor.getParameters().isEmpty() && reachable) {
                noArg = Optional.of(constructor);
            }
        }
        boolean innerOrLocal = type.getNestingKind() == NestingKind.LOCAL
                || type.getNestingKind() == NestingKind.ANONYMOUS
                || type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                        && type.getKind() == ElementKind.CLASS;
        boolean privateAccess = false;
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            privateAccess |= e.getModifiers().contains(Modifier.PRIVATE);
        }
        return new ClassFacts(isAbstract, noArg, innerOrLocal,
                privateAccess);
    }
}
