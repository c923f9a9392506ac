package dev.multisession.codec.abi;

import java.util.List;
import java.util.Objects;

/**
 * A method or constructor of the runtime generated code calls, with its erased signature.
 *
 * @param owner the qualified name of the declaring class (or interface)
 * @param kind how generated code calls it
 * @param name the method's name; {@code <init>} for a constructor
 * @param returnType the qualified name of the erased return type, a primitive's name, or
 *     {@code void}; the owner for a constructor
 * @param parameterTypes the qualified names of the erased parameter types, in order
 */
public record AbiMethod(String owner, Kind kind, String name, String returnType, List<String> parameterTypes)
        implements AbiMember {

    /** How generated code calls a method. */
    public enum Kind {
        /** {@code Owner.name(…)} */
        STATIC,
        /** {@code value.name(…)} on an instance of the owner */
        INSTANCE,
        /** {@code new Owner(…)}, or {@code super(…)} in a generated class that extends it */
        CONSTRUCTOR,
        /** a protected abstract method of the owner that generated code implements */
        OVERRIDDEN
    }

    public AbiMethod {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(returnType, "returnType");
        parameterTypes = List.copyOf(parameterTypes);
    }

    static AbiMethod staticMethod(String owner, String returnType, String name, String... parameterTypes) {
        return new AbiMethod(owner, Kind.STATIC, name, returnType, List.of(parameterTypes));
    }

    static AbiMethod instanceMethod(String owner, String returnType, String name, String... parameterTypes) {
        return new AbiMethod(owner, Kind.INSTANCE, name, returnType, List.of(parameterTypes));
    }

    static AbiMethod overridden(String owner, String name, String... parameterTypes) {
        return new AbiMethod(owner, Kind.OVERRIDDEN, name, "void", List.of(parameterTypes));
    }

    static AbiMethod constructor(String owner, String... parameterTypes) {
        return new AbiMethod(owner, Kind.CONSTRUCTOR, "<init>", owner, List.of(parameterTypes));
    }

    @Override
    public String toString() {
        return (kind == Kind.STATIC ? "static " : "") + returnType + " " + owner + "." + name + "("
                + String.join(", ", parameterTypes) + ")";
    }
}
