package dev.multisession.processor;

import dev.multisession.processor.SyncedProperty.Access;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds how generated code reaches a synced field: directly unless it is private, else through a
 * non-private getter ({@code getX()}, {@code isX()} for a {@code boolean} or {@code Boolean}, or record-style {@code x()})
 * and setter ({@code setX(value)} or {@code x(value)}; {@code setPaid(value)} for a {@code boolean isPaid}) of the
 * field's exact type.
 */
final class AccessorResolver {

    /** The access path, or the missing accessors ("getter", "setter", "getter and setter"). */
    record Result(Optional<Access> access, String missing) {}

    private final Elements elements;
    private final Types types;
    /** The methods of each class read this round: a subclass's codec reads its ancestors' fields again. */
    private final Map<TypeElement, List<ExecutableElement>> methods = new HashMap<>();

    AccessorResolver(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /**
     * Forgets the methods read so far. Called at the start of each round: another processor (Lombok)
     * may have added accessors to a class since, and a later round may even see a new element for it.
     */
    void forget() {
        methods.clear();
    }

    Result resolve(TypeElement owner, VariableElement field) {
        if (!field.getModifiers().contains(Modifier.PRIVATE)) {
            return new Result(Optional.of(Access.FIELD), "");
        }
        String name = field.getSimpleName().toString();
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<ExecutableElement> members = methodsOf(owner);
        String getter = null;
        String setter = null;
        for (String candidate : getterNames(field, name, capitalised)) {
            if (getter == null && members.stream().anyMatch(m -> isGetter(m, candidate, field))) {
                getter = candidate;
            }
        }
        for (String candidate : setterNames(field, name, capitalised)) {
            if (setter == null && members.stream().anyMatch(m -> isSetter(m, candidate, field))) {
                setter = candidate;
            }
        }
        if (getter != null && setter != null) {
            return new Result(Optional.of(new Access(getter, setter)), "");
        }
        List<String> missing = new ArrayList<>();
        if (getter == null) {
            missing.add("getter");
        }
        if (setter == null) {
            missing.add("setter");
        }
        return new Result(Optional.empty(), String.join(" and ", missing));
    }

    /** The methods of the class a model's fields are resolved in, read once a round for all its private fields. */
    private List<ExecutableElement> methodsOf(TypeElement owner) {
        return methods.computeIfAbsent(owner, type -> ElementFilter.methodsIn(elements.getAllMembers(type)));
    }

    private static List<String> getterNames(VariableElement field, String name, String capitalised) {
        return isBoolean(field.asType())
                ? List.of("get" + capitalised, "is" + capitalised, name)
                : List.of("get" + capitalised, name);
    }

    /**
     * A primitive {@code boolean} named {@code isX} also has the setter {@code setX(value)}, which Lombok and
     * IDEs write beside its getter {@code isX()} (found as the record-style getter).
     */
    private static List<String> setterNames(VariableElement field, String name, String capitalised) {
        boolean isPrefixed = name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
        return field.asType().getKind() == TypeKind.BOOLEAN && isPrefixed
                ? List.of("set" + capitalised, name, "set" + name.substring(2))
                : List.of("set" + capitalised, name);
    }

    /** {@code boolean}, or {@code Boolean}, whose {@code isX()} getters entity generators write too. */
    private static boolean isBoolean(TypeMirror type) {
        return type.getKind() == TypeKind.BOOLEAN || type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Boolean");
    }

    private boolean isGetter(ExecutableElement method, String name, VariableElement field) {
        return usable(method, name) && method.getParameters().isEmpty()
                && types.isSameType(method.getReturnType(), field.asType());
    }

    private boolean isSetter(ExecutableElement method, String name, VariableElement field) {
        return usable(method, name) && method.getParameters().size() == 1
                && types.isSameType(method.getParameters().get(0).asType(), field.asType());
    }

    private static boolean usable(ExecutableElement method, String name) {
        return method.getSimpleName().contentEquals(name)
                && !method.getModifiers().contains(Modifier.PRIVATE)
                && !method.getModifiers().contains(Modifier.STATIC);
    }
}
