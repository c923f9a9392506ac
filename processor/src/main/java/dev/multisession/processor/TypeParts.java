package dev.multisession.processor;

import java.util.function.Function;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Walks a field's type and the types inside it: array components, wildcard bounds and type arguments. */
final class TypeParts {

    private TypeParts() {}

    /**
     * The first answer other than null that {@code test} gives for the type or a type inside it, the outer
     * type before its arguments; null when there is none. Arrays and wildcards are not tested themselves.
     */
    static <R> R first(TypeMirror type, Function<TypeMirror, R> test) {
        if (type.getKind() == TypeKind.ARRAY) {
            return first(((ArrayType) type).getComponentType(), test);
        }
        if (type.getKind() == TypeKind.WILDCARD) {
            WildcardType wildcard = (WildcardType) type;
            TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
            return bound == null ? null : first(bound, test);
        }
        R found = test.apply(type);
        if (found != null || type.getKind() != TypeKind.DECLARED) {
            return found;
        }
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
            R inside = first(argument, test);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }
}
