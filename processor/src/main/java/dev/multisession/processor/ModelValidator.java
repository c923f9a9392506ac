package dev.multisession.processor;

import dev.multisession.processor.ModelClass.InheritedKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks a {@link ModelClass} against the rules of a synced model and reports every violation
 * through the {@link Message} catalogue, so that a user sees all the errors of a class at once.
 */
final class ModelValidator {

    /** An ancestor's synced field reached through accessors. */
    private record AccessedField(String declaringClass, SyncedProperty.Access access) {}

    /** The field that first claimed a JSON key. */
    private record KeyOwner(String field, String declaringClass) {}

    private final DiagnosticReporter reporter;
    private final TypeClassifier classifier;
    private final LombokAccessors lombok;
    private final TypeAccess access;
    private final TypeVariableValidator typeVariables;
    private final Types types;

    ModelValidator(DiagnosticReporter reporter, Types types, SyncedFieldScanner scanner, LombokAccessors lombok) {
        this.reporter = reporter;
        this.lombok = lombok;
        this.classifier = new TypeClassifier(types, scanner);
        this.access = new TypeAccess(scanner);
        this.typeVariables = new TypeVariableValidator(reporter, classifier);
        this.types = types;
    }

    /** Reports every problem of the model; true when there was none and its codec can be written. */
    boolean validate(ModelClass model) {
        reporter.reportedSinceLastCheck();
        if (model.element().getKind() == ElementKind.RECORD) {
            // one error that says what to do, instead of one "remove final" per component
            reporter.report(Message.RECORD_MODEL, model.element(), model.element().getQualifiedName());
            return false;
        }
        if (model.element().getKind() == ElementKind.ENUM) {
            reporter.report(Message.ENUM_MODEL, model.element(), model.element().getQualifiedName());
            return false;
        }
        checkClass(model);
        typeVariables.check(model);
        var owner = model.element();
        Map<String, KeyOwner> keys = new HashMap<>();
        Map<String, AccessedField> accessedFields = new HashMap<>();
        String idField = null;
        String idOwner = null;
        for (InheritedKey inherited : model.inheritedKeys()) {
            keys.putIfAbsent(inherited.jsonKey(), new KeyOwner(inherited.fieldName(), inherited.declaringClass()));
            inherited.access().filter(access -> access.getter() != null).ifPresent(access ->
                    accessedFields.put(inherited.fieldName(), new AccessedField(inherited.declaringClass(), access)));
            if (inherited.id()) {
                idField = inherited.fieldName();
                idOwner = inherited.declaringClass();
            }
        }
        String className = model.element().getQualifiedName().toString();
        for (SyncedProperty property : model.properties()) {
            checkField(owner, property);
            checkHiding(property, accessedFields.get(property.name()));
            KeyOwner previous = keys.putIfAbsent(property.jsonKey(), new KeyOwner(property.name(), className));
            if (previous != null) {
                reporter.report(Message.DUPLICATE_KEY, property.element(), property.jsonKey(), property.name(),
                        previous.field(), previous.declaringClass());
            }
            if (property.id()) {
                if (idField != null) {
                    reporter.report(Message.ID_DUPLICATE, property.element(), property.name(), className, idField, idOwner);
                } else {
                    idField = property.name();
                    idOwner = className;
                }
            }
        }
        return !reporter.reportedSinceLastCheck();
    }

    /**
     * A private field that hides an ancestor's private field of the same name has accessors of the same
     * names, which override the ancestor's: the ancestor's codec, calling them, would reach this field.
     */
    private void checkHiding(SyncedProperty property, AccessedField hidden) {
        SyncedProperty.Access access = property.access().orElse(null);
        if (hidden == null || access == null || access.getter() == null) {
            return;
        }
        SyncedProperty.Access overridden = hidden.access();
        if (access.getter().equals(overridden.getter()) || access.setter().equals(overridden.setter())) {
            reporter.report(Message.HIDDEN_FIELD, property.element(), property.name(), hidden.declaringClass(),
                    overridden.getter(), overridden.setter());
        }
    }

    private void checkClass(ModelClass model) {
        var facts = model.facts();
        if (facts.privateAccess()) {
            reporter.report(Message.PRIVATE_CLASS, model.element(), model.element().getQualifiedName());
        }
        if (facts.innerOrLocal()) {
            reporter.report(Message.INNER_CLASS, model.element(), model.element().getQualifiedName());
        } else if (!facts.isAbstract() && !facts.hasNoArgConstructor()) {
            reporter.report(Message.NO_CONSTRUCTOR, model.element(), model.element().getQualifiedName());
        } else if (!facts.isAbstract()) {
            ExecutableElement constructor = facts.noArgConstructor().orElseThrow();
            constructor.getThrownTypes().stream().filter(thrown -> !isUnchecked(thrown)).findFirst().ifPresent(thrown ->
                    reporter.report(Message.CONSTRUCTOR_THROWS, constructor, model.element().getQualifiedName(), thrown));
        }
    }

    /** Whether an exception type is a {@code RuntimeException} or an {@code Error}, which need no handling. */
    private boolean isUnchecked(TypeMirror thrown) {
        for (TypeMirror type = thrown; type.getKind() == TypeKind.DECLARED; ) {
            Name name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName();
            if (name.contentEquals("java.lang.RuntimeException") || name.contentEquals("java.lang.Error")) {
                return true;
            }
            List<? extends TypeMirror> supertypes = types.directSupertypes(type);
            if (supertypes.isEmpty()) {
                return false;
            }
            type = supertypes.get(0);
        }
        return false;
    }

    /**
     * Whether the processor leaves the value to Jackson data binding: a variable inside it (a map of a
     * type variable) is classified as unbound, since the codec's constants cannot name it.
     */
    private static boolean convertedByJackson(ValueType type) {
        return type instanceof ValueType.Value || type instanceof ValueType.UnboundTypeVariable;
    }

    private void checkField(TypeElement owner, SyncedProperty property) {
        var field = property.element();
        String name = property.name();
        if (property.modifiers().contains(Modifier.STATIC)) {
            reporter.report(Message.STATIC_FIELD, field, name);
        }
        if (property.modifiers().contains(Modifier.FINAL)) {
            reporter.report(Message.FINAL_FIELD, field, name);
        }
        if (property.access().isEmpty()) {
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            // A model waits for Lombok until the last round; still missing then, Lombok never ran here.
            Message message = lombok.writesMissing(owner, field, property.missingAccessors())
                    ? Message.ACCESSORS_TOO_LATE : Message.PRIVATE_NO_ACCESSOR;
            reporter.report(message, field, name, capitalised, property.missingAccessors());
        }
        if (property.id() && !classifier.canBeId(property.mirror())) {
            reporter.report(Message.ID_TYPE, field, name, property.mirror());
        }
        if (property.merge().equals("COUNTER") && !classifier.isNumeric(property.mirror())
                && !classifier.isNumericMap(property.mirror())) {
            reporter.report(Message.COUNTER_NOT_NUMERIC, field, name, property.mirror());
        }
        if (property.jsonKey().equals(PolymorphicTypes.TYPE_KEY)) {
            reporter.report(Message.TYPE_KEY_FIELD, field, name);
        }
        String unmakeable = classifier.heldModelWithoutConstructor(property.valueType(), property.mirror());
        if (unmakeable != null) {
            reporter.report(Message.HELD_MODEL_NO_CONSTRUCTOR, field, name, unmakeable);
        }
        String inner = classifier.innerClassIn(property.mirror());
        if (inner != null) {
            reporter.report(Message.INNER_CLASS_VALUE, field, name, inner);
        }
        String optional = classifier.optionalIn(property.mirror());
        if (optional != null) {
            reporter.report(Message.OPTIONAL, field, name, optional);
        }
        boolean modelAsValue = false;
        if (classifier.isRaw(property.mirror())) {
            reporter.report(Message.RAW_TYPE, field, name, property.mirror());
        } else if (!property.id()) {
            String uncreatable = classifier.uncreatable(property.mirror());
            if (uncreatable != null) {
                reporter.report(Message.ABSTRACT_TYPE, field, name, uncreatable);
            } else if (convertedByJackson(property.valueType())) {
                String model = classifier.modelInValue(property.mirror());
                if (model != null) {
                    reporter.report(Message.MODEL_AS_VALUE, field, name, model, property.mirror());
                    modelAsValue = true;
                }
            }
        }
        TypeAccess.Unreachable unreachable = access.find(property.mirror(), TypeAccess.packageOf(owner));
        if (unreachable != null) {
            reporter.report(Message.TYPE_NOT_ACCESSIBLE, field, name, unreachable.type().getQualifiedName(),
                    unreachable.reason(), CodecNames.qualifiedCodecOf(owner));
        }
        if (property.valueType() instanceof ValueType.UnboundTypeVariable variable && !modelAsValue) {
            reporter.report(Message.TYPE_VARIABLE, field, name, variable.name());
        }
    }
}
