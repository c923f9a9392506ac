package dev.multisession.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Annotations read by their qualified name, for those whose classes the processor does not carry
 * (the project's own annotations, Lombok's, Jackson's): the annotation on an element and the values
 * written in it.
 */
final class AnnotationMirrors {

    private AnnotationMirrors() {}

    /** The annotation of that qualified name on the element, if it carries one. */
    static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element type = mirror.getAnnotationType().asElement();
            if (type instanceof TypeElement typeElement && typeElement.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** Whether the element carries the annotation of that qualified name. */
    static boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName).isPresent();
    }

    /** The value written for a member of the annotation; empty when the member is left to its default. */
    static Optional<AnnotationValue> value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** A value written for a member as text: an enum constant by its name ({@code PUBLIC}), else its literal; "" if left to its default. */
    static String text(AnnotationMirror mirror, String member) {
        return value(mirror, member).map(AnnotationMirrors::text).orElse("");
    }

    private static String text(AnnotationValue value) {
        return value.getValue() instanceof VariableElement constant ? constant.getSimpleName().toString()
                : String.valueOf(value.getValue());
    }
}
