package dev.multisession.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads the synced-field annotations of a class, whether it comes from source or from a class
 * file (the annotations have CLASS retention, so javac still sees them in a jar). Annotations are
 * matched by name: the processor jar does not carry the annotations artifact.
 */
final class SyncedFieldScanner {

    static final String FIELD_ANNOTATION = "dev.multisession.annotations.MultiSessionField";
    static final String ID_ANNOTATION = "dev.multisession.annotations.MultiSessionId";

    /** What the annotations on one field say. */
    record Annotated(VariableElement field, String jsonKey, String merge, boolean id) {}

    /**
     * What {@link #declaredBy} found, per class, in the current round: every field type of every
     * model asks whether its class (and each of its ancestors) is a model.
     */
    private final Map<TypeElement, List<Annotated>> declared = new HashMap<>();

    /** Forgets what earlier rounds read: a later round may see classes that were not complete yet. */
    void startRound() {
        declared.clear();
    }

    /** The synced fields a class declares itself, in declaration order. */
    List<Annotated> declaredBy(TypeElement type) {
        List<Annotated> result = declared.get(type);
        if (result == null) {
            result = scan(type);
            declared.put(type, result);
        }
        return result;
    }

    private List<Annotated> scan(TypeElement type) {
        if (type.getQualifiedName().toString().startsWith("java.")) {
            // The JDK's own classes are never models; reading their fields would only load them.
            return List.of();
        }
        List<Annotated> result = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            read(field).ifPresent(result::add);
        }
        return List.copyOf(result);
    }

    /** Whether the class declares at least one synced field itself. */
    boolean declaresSyncedFields(TypeElement type) {
        return !declaredBy(type).isEmpty();
    }

    /** Whether the type is a class that declares or inherits synced fields. */
    boolean isModel(TypeElement type) {
        if (type.getKind() != ElementKind.CLASS) {
            return false;
        }
        for (TypeElement current = type; current != null; current = superclass(current)) {
            if (declaresSyncedFields(current)) {
                return true;
            }
        }
        return false;
    }

    /** The direct superclass, or null at {@code Object} or when it cannot be resolved. */
    static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        return (TypeElement) ((DeclaredType) superclass).asElement();
    }

    Optional<Annotated> read(VariableElement field) {
        AnnotationMirror fieldAnnotation = AnnotationMirrors.find(field, FIELD_ANNOTATION).orElse(null);
        AnnotationMirror idAnnotation = AnnotationMirrors.find(field, ID_ANNOTATION).orElse(null);
        if (fieldAnnotation == null && idAnnotation == null) {
            return Optional.empty();
        }
        String key = idAnnotation != null ? AnnotationMirrors.text(idAnnotation, "value") : "";
        if (key.isEmpty() && fieldAnnotation != null) {
            key = AnnotationMirrors.text(fieldAnnotation, "value");
        }
        if (key.isEmpty()) {
            key = field.getSimpleName().toString();
        }
        String merge = fieldAnnotation != null ? AnnotationMirrors.text(fieldAnnotation, "merge") : "";
        return Optional.of(new Annotated(field, key, merge.isEmpty() ? "LAST_WRITER_WINS" : merge, idAnnotation != null));
    }
}
