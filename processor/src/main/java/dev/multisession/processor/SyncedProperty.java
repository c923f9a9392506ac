package dev.multisession.processor;

import com.palantir.javapoet.TypeName;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One synced field a model declares.
 *
 * @param element the field
 * @param name the field's Java name
 * @param jsonKey the key it is exported under
 * @param merge the {@code Merge} constant's name
 * @param id whether it is the {@code @MultiSessionId}
 * @param mirror the field's type
 * @param type the field's type as JavaPoet names it
 * @param valueType how its value is converted
 * @param modifiers the field's modifiers
 * @param access how generated code reads and writes it; empty if a private field lacks accessors
 * @param missingAccessors for a private field, which accessors are missing ("getter", "setter" …)
 */
record SyncedProperty(
        VariableElement element,
        String name,
        String jsonKey,
        String merge,
        boolean id,
        TypeMirror mirror,
        TypeName type,
        ValueType valueType,
        Set<Modifier> modifiers,
        Optional<Access> access,
        String missingAccessors) {

    /**
     * How generated code reaches the field.
     *
     * @param getter the getter's name, or null to read the field directly
     * @param setter the setter's name, or null to write the field directly
     */
    record Access(String getter, String setter) {
        static final Access FIELD = new Access(null, null);
    }
}
