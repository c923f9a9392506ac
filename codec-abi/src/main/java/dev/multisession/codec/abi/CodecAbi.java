package dev.multisession.codec.abi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The version of the generated-code ABI, and the list of every member it consists of. */
public final class CodecAbi {

    /**
     * The ABI generated codecs are written for and the runtime supports. Raise it whenever a member
     * generated code calls is removed or changes its signature, or when generated code starts to
     * rely on a member that older runtimes lack: codecs of another version are then refused with a
     * message that names the jar to rebuild, instead of failing later with a linkage error.
     *
     * <p>Version 2: codecs extend {@code GeneratedCodec} and initialise and apply each field in one
     * {@code ValueUpdates} call; {@code ValueReads} and {@code ValueComparisons} are no longer called;
     * {@code PolymorphicCodec.of} gives the codec of a polymorphic model type.
     *
     * <p>Version 3: codecs have no public static methods; a subclass's codec chains to an instance
     * of its ancestor's codec (its {@code INSTANCE}, or one made with the public constructor that
     * takes the codecs of the ancestor's model type variables), and {@code DerivedCodec} is gone.
     * A reference value field is initialised and applied by its {@code ValueCodec}'s own methods,
     * a primitive one reached directly by {@code ValueUpdates} methods that return the value.
     */
    public static final int VERSION = 3;

    private CodecAbi() {}

    /** Every runtime member generated code may name: the built-in value types' and the other calls. */
    public static List<AbiMember> members() {
        List<AbiMember> members = new ArrayList<>();
        for (BuiltInType type : BuiltInTypes.all()) {
            members.add(type.codec());
            type.write().ifPresent(members::add);
            type.init().ifPresent(members::add);
            type.apply().ifPresent(members::add);
            type.initDirect().ifPresent(members::add);
            type.applyDirect().ifPresent(members::add);
            type.read().ifPresent(members::add);
        }
        members.addAll(RuntimeCalls.all());
        return List.copyOf(new LinkedHashSet<>(members));
    }
}
