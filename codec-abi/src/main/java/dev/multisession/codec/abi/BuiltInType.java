package dev.multisession.codec.abi;

import java.util.Objects;
import java.util.Optional;

/**
 * A value type the runtime converts without data binding, and how generated code converts it.
 *
 * <p>A type with a {@link #read()} method is converted by direct static calls, which the JIT
 * inlines at each call site: {@code read} turns the field's JSON node into the value, {@code write}
 * turns the value into a node (absent: {@code ObjectNode.put} has an overload for it) and
 * {@code same} tells whether two values are equal for sync purposes (absent: {@code ==} for a
 * primitive, {@code Objects.equals} otherwise). A type without one goes through its
 * {@link #codec() ValueCodec constant}, which the generated class keeps in a field of its own.
 *
 * @param typeName the qualified name of the type as javac spells it ({@code int}, {@code java.lang.Integer})
 * @param codec the {@code ValueCodec} constant of the type (of its box, for a primitive)
 * @param read the static method that reads the value from a node and its key
 * @param write the static method that writes the value as a node
 * @param same the static method that compares two values
 */
public record BuiltInType(String typeName, AbiConstant codec, Optional<AbiMethod> read, Optional<AbiMethod> write,
        Optional<AbiMethod> same) {

    public BuiltInType {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(same, "same");
    }

    /** Whether the type is a primitive ({@code int}), not a class. */
    public boolean primitive() {
        return typeName.indexOf('.') < 0;
    }

    /** Whether generated code converts the value by direct static calls rather than through its codec constant. */
    public boolean direct() {
        return read.isPresent();
    }

    /** Whether the type is {@code float} or {@code double}, compared with {@code Float/Double.compare}. */
    public boolean floatingPrimitive() {
        return typeName.equals("float") || typeName.equals("double");
    }
}
