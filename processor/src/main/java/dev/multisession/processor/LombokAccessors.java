package dev.multisession.processor;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Tells whether Lombok is expected to write a field's getter or setter, from Lombok's annotations on
 * the field and its class, matched by name: the processor does not depend on Lombok.
 *
 * <p>Lombok writes accessors while javac runs, as an annotation processor of its own. Listed after
 * this processor, it has not run yet when a model is first read, so a model whose accessors are
 * expected from Lombok waits for a later round instead of being refused (what MapStruct does with a
 * type another processor has not completed yet).
 */
final class LombokAccessors {

    private static final String GETTER = "lombok.Getter";
    private static final String SETTER = "lombok.Setter";
    private static final String DATA = "lombok.Data";
    private static final String VALUE = "lombok.Value";

    /** Whether Lombok will write a getter of {@code field}, declared in {@code owner}. */
    boolean writesGetter(TypeElement owner, VariableElement field) {
        return grants(field, GETTER).orElseGet(() -> grants(owner, GETTER).orElse(false)
                || AnnotationMirrors.has(owner, DATA) || AnnotationMirrors.has(owner, VALUE));
    }

    /** Whether Lombok will write a setter of {@code field}: never for a final field ({@code @Value} makes them all final). */
    boolean writesSetter(TypeElement owner, VariableElement field) {
        if (field.getModifiers().contains(Modifier.FINAL) || AnnotationMirrors.has(owner, VALUE)) {
            return false;
        }
        return grants(field, SETTER).orElseGet(() -> grants(owner, SETTER).orElse(false)
                || AnnotationMirrors.has(owner, DATA));
    }

    /** Whether the missing accessors of a private field are ones Lombok is expected to write. */
    boolean writesMissing(TypeElement owner, VariableElement field, String missing) {
        boolean getter = !missing.contains("getter") || writesGetter(owner, field);
        boolean setter = !missing.contains("setter") || writesSetter(owner, field);
        return !missing.isEmpty() && getter && setter;
    }

    /**
     * Whether {@code @Getter}/{@code @Setter} on the element gives an accessor generated code can call:
     * empty without the annotation, false for {@code AccessLevel.NONE} or {@code PRIVATE}.
     */
    private static Optional<Boolean> grants(Element element, String annotation) {
        return AnnotationMirrors.find(element, annotation).map(mirror -> {
            String level = AnnotationMirrors.text(mirror, "value");
            return !level.equals("NONE") && !level.equals("PRIVATE");
        });
    }
}
