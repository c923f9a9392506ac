package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import dev.multisession.codec.abi.AbiMember;
import dev.multisession.codec.abi.RuntimeTypes;

/**
 * The runtime types generated code refers to, as JavaPoet names built from the shared ABI table.
 * They are named, not imported, so that the processor needs nothing of the runtime on its own class
 * path.
 */
final class RuntimeNames {

    static final ClassName CODEC = ClassName.bestGuess(RuntimeTypes.MULTI_SESSION_CODEC);
    static final ClassName SYNCED_FIELD = ClassName.bestGuess(RuntimeTypes.SYNCED_FIELD);
    static final ClassName CODEC_ABI_VERSION = ClassName.bestGuess(RuntimeTypes.CODEC_ABI_VERSION);
    static final ClassName VALUE_CODEC = ClassName.bestGuess(RuntimeTypes.VALUE_CODEC);
    static final ClassName MERGE = ClassName.bestGuess(RuntimeTypes.MERGE);
    static final ClassName JSON_NODE = ClassName.bestGuess(RuntimeTypes.JSON_NODE);
    static final ClassName OBJECT_NODE = ClassName.bestGuess(RuntimeTypes.OBJECT_NODE);
    static final ClassName TYPE_REFERENCE = ClassName.bestGuess(RuntimeTypes.TYPE_REFERENCE);
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private RuntimeNames() {}

    /** The class that declares a member of the ABI table, to write {@code $T.member}. */
    static ClassName owner(AbiMember member) {
        return ClassName.bestGuess(member.owner());
    }
}
