package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.multisession.codec.abi.BuiltInType;

/** How a synced field's value is converted, as decided by {@link TypeClassifier}. */
sealed interface ValueType {

    /** A primitive, converted by the direct calls of its entry in the built-in type table. */
    record Primitive(BuiltInType builtIn) implements ValueType {}

    /** Any reference value converted by a {@code ValueCodec} constant of the generated class. */
    record Value(ValueCodecSpec codec) implements ValueType {}

    /** A nested model, written through its codec. */
    record Model(CodecRef codec) implements ValueType {}

    /** A {@code List}, {@code Set} or {@code Collection} of models. */
    record ModelCollection(ClassName implementation, CodecRef codec) implements ValueType {}

    /** A type variable whose bound is not a model: not supported. */
    record UnboundTypeVariable(String name) implements ValueType {}

    /** How to build the {@code ValueCodec} of a reference value. */
    sealed interface ValueCodecSpec {
        /** A built-in type: its direct calls, or its {@code ValueCodecs} constant such as {@code UUID}. */
        record BuiltIn(BuiltInType type) implements ValueCodecSpec {}

        /** {@code ValueCodecs.ofEnum(E.class)}. */
        record EnumOf(TypeName type) implements ValueCodecSpec {}

        /** {@code ValueCodecs.listOf(element)}. */
        record ListOf(ValueCodecSpec element) implements ValueCodecSpec {}

        /** {@code ValueCodecs.setOf(element)}. */
        record SetOf(ValueCodecSpec element) implements ValueCodecSpec {}

        /** {@code ValueCodecs.mapOf(value)} for {@code Map<String, V>}. */
        record MapOf(ValueCodecSpec value) implements ValueCodecSpec {}

        /** Jackson data binding: {@code bound(T.class)}, or a {@code TypeReference} for a generic type. */
        record Bound(TypeName type, boolean generic) implements ValueCodecSpec {}
    }
}
