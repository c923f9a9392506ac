package dev.multisession.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * What {@code @MultiSessionSubtypes} and {@code @MultiSessionTypeName} say about a type, read by
 * name (the processor jar does not carry the annotations artifact) from sources or class files:
 * whether a type is polymorphic, its listed subtypes, a class's type name and the polymorphic
 * types it descends from.
 */
final class PolymorphicTypes {

    static final String SUBTYPES_ANNOTATION = "dev.multisession.annotations.MultiSessionSubtypes";
    static final String TYPE_NAME_ANNOTATION = "dev.multisession.annotations.MultiSessionTypeName";
    /** The JSON key that names an object's subtype, as the runtime's {@code PolymorphicCodec.TYPE_KEY}. */
    static final String TYPE_KEY = "@type";

    private final SyncedFieldScanner scanner;

    PolymorphicTypes(SyncedFieldScanner scanner) {
        this.scanner = scanner;
    }

    /** Whether fields declared with this type hold any of its subtypes (it carries {@code @MultiSessionSubtypes}). */
    boolean isPolymorphic(TypeElement type) {
        return AnnotationMirrors.has(type, SUBTYPES_ANNOTATION);
    }

    /** The {@code @MultiSessionSubtypes} annotation of a type, or null, to point errors at it. */
    AnnotationMirror subtypesAnnotation(TypeElement type) {
        return AnnotationMirrors.find(type, SUBTYPES_ANNOTATION).orElse(null);
    }

    /** The classes {@code @MultiSessionSubtypes} lists, in order (classes that cannot be resolved are left out). */
    List<TypeElement> listedSubtypes(TypeElement base) {
        List<TypeElement> result = new ArrayList<>();
        Object value = AnnotationMirrors.find(base, SUBTYPES_ANNOTATION)
                .flatMap(mirror -> AnnotationMirrors.value(mirror, "value")).map(AnnotationValue::getValue).orElse(null);
        if (value instanceof List<?> list) {
            for (Object element : list) {
                Object literal = ((AnnotationValue) element).getValue();
                if (literal instanceof DeclaredType declared) {
                    result.add((TypeElement) declared.asElement());
                }
            }
        }
        return result;
    }

    /** The name written in the type key for this class: {@code @MultiSessionTypeName}'s, or its simple name. */
    String typeName(TypeElement type) {
        String name = AnnotationMirrors.find(type, TYPE_NAME_ANNOTATION)
                .map(mirror -> AnnotationMirrors.text(mirror, "value")).orElse("");
        return name.isEmpty() ? type.getSimpleName().toString() : name;
    }

    /** Whether the class carries {@code @MultiSessionTypeName}. */
    boolean hasTypeName(TypeElement type) {
        return AnnotationMirrors.has(type, TYPE_NAME_ANNOTATION);
    }

    /** Whether a name can be written as a type name (and a resource path segment). */
    static boolean validName(String name) {
        return name.length() >= 1 && name.length() <= 100 && name.charAt(0) != '.'
                && name.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || c == '_' || c == '-' || c == '.');
    }

    /** The polymorphic types among the type's strict supertypes (superclasses and interfaces), nearest first. */
    List<TypeElement> polymorphicAncestors(TypeElement type) {
        Set<TypeElement> found = new LinkedHashSet<>();
        collect(type, found, true);
        return List.copyOf(found);
    }

    private void collect(TypeElement type, Set<TypeElement> found, boolean self) {
        if (!self && isPolymorphic(type)) {
            found.add(type);
        }
        List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
        supertypes.add(0, type.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            if (supertype.getKind() == TypeKind.DECLARED) {
                collect((TypeElement) ((DeclaredType) supertype).asElement(), found, false);
            }
        }
    }

    /** Whether objects of the type can be created: a class that is not abstract. */
    static boolean concrete(TypeElement type) {
        return type.getKind() == ElementKind.CLASS && !type.getModifiers().contains(Modifier.ABSTRACT);
    }

    /**
     * The id key fields of the polymorphic type hold: a model class's own (declared or inherited),
     * for an interface the one of its first listed subtype that is a model.
     */
    Optional<String> idKey(TypeElement base) {
        if (base.getKind() == ElementKind.INTERFACE) {
            for (TypeElement subtype : listedSubtypes(base)) {
                if (scanner.isModel(subtype)) {
                    return idKeyOfModel(subtype);
                }
            }
            return Optional.empty();
        }
        return idKeyOfModel(base);
    }

    /** The JSON key of a model class's {@code @MultiSessionId}, declared or inherited. */
    Optional<String> idKeyOfModel(TypeElement model) {
        for (TypeElement type = model; type != null; type = SyncedFieldScanner.superclass(type)) {
            for (SyncedFieldScanner.Annotated annotated : scanner.declaredBy(type)) {
                if (annotated.id()) {
                    return Optional.of(annotated.jsonKey());
                }
            }
        }
        return Optional.empty();
    }
}
