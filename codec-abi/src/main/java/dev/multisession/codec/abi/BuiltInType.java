package dev.multisession.codec.abi;

import java.util.Objects;
import java.util.Optional;

/**
 * A value type the runtime converts without data binding, and how generated code converts it.
 *
 * <p>Every built-in type has a {@link #codec() ValueCodec constant}, through which generated code
 * initialises and applies a field of a reference type in one call of its own methods
 * ({@code ValueCodec.init}/{@code apply}); a primitive has {@code ValueUpdates} methods of its own
 * so that its value is not boxed: {@link #initDirect()} and {@link #applyDirect()} return it for a
 * field reached directly, and {@link #read()} reads it from its node for a setter; {@link #init()} and
 * {@link #apply()}, which hand the value to a setter given as a method reference, are kept for the
 * codecs written before. A {@link #direct() direct} type is exported
 * by direct static calls, which the JIT inlines at each call site: {@code write} turns the value
 * into a node, or, absent, {@code ObjectNode.put} has an overload for it; any other type is
 * exported through its codec constant.
 *
 * @param typeName the qualified name of the type as javac spells it ({@code int}, {@code java.lang.Integer})
 * @param codec the {@code ValueCodec} constant of the type (of its box, for a primitive)
 * @param direct whether the value is exported with {@code write} or {@code ObjectNode.put}
 * @param write the static method that writes the value as a node
 * @param init the static method that initialises a primitive field in one call
 * @param apply the static method that applies a primitive field in one call
 * @param initDirect the static method that returns a primitive field's initial value (since ABI 3)
 * @param applyDirect the static method that returns a primitive field's applied value (since ABI 3)
 * @param read the static method that reads a primitive from the node of its key, for a setter on init
 *     (in the table since ABI 3's setters without method references; the runtime has it since ABI 1)
 */
public record BuiltInType(String typeName, AbiConstant codec, boolean direct, Optional<AbiMethod> write,
        Optional<AbiMethod> init, Optional<AbiMethod> apply, Optional<AbiMethod> initDirect,
        Optional<AbiMethod> applyDirect, Optional<AbiMethod> read) {

    public BuiltInType {
        Objects.requireNonNull(typeName, "typeName");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(write, "write");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(initDirect, "initDirect");
        Objects.requireNonNull(applyDirect, "applyDirect");
        Objects.requireNonNull(read, "read");
    }

    /** Whether the type is a primitive ({@code int}), not a class. */
    public boolean primitive() {
        return typeName.indexOf('.') < 0;
    }
}
