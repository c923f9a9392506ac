package dev.multisession.processor;

import com.palantir.javapoet.ClassName;

/** Where generated code gets the codec of a nested model from. */
sealed interface CodecRef {

    /** The model declares synced fields: its generated {@code INSTANCE}. */
    record Generated(ClassName codec) implements CodecRef {}

    /** The model only inherits synced fields: looked up (and cached) by {@code MultiSessionCodecs.forClass}. */
    record Located(ClassName model) implements CodecRef {}

    /**
     * The model type is polymorphic ({@code @MultiSessionSubtypes}): {@code PolymorphicCodec.of(base, idKey)},
     * which dispatches on the type key.
     *
     * @param idKey the id key every subtype shares, or null
     */
    record Polymorphic(ClassName base, String idKey) implements CodecRef {}

    /** The model is a type variable: the codec is a parameter of the static methods. */
    record Parameter(String typeVariable) implements CodecRef {

        /** The Java parameter name, e.g. {@code lCodec} for {@code L}. */
        String parameterName() {
            return typeVariable.toLowerCase(java.util.Locale.ROOT) + "Codec";
        }
    }
}
