package dev.multisession.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code refers to. They are named, not imported, so that the processor
 * needs nothing of the runtime on its own class path.
 */
final class RuntimeNames {

    private static final String CODEC_PACKAGE = "dev.multisession.runtime.codec";

    static final ClassName CODEC = ClassName.get(CODEC_PACKAGE, "MultiSessionCodec");
    static final ClassName CODECS = ClassName.get(CODEC_PACKAGE, "MultiSessionCodecs");
    static final ClassName DERIVED_CODEC = ClassName.get(CODEC_PACKAGE, "DerivedCodec");
    static final ClassName SYNCED_FIELD = ClassName.get(CODEC_PACKAGE, "SyncedField");
    static final ClassName VALUE_CODEC = ClassName.get(CODEC_PACKAGE, "ValueCodec");
    static final ClassName VALUE_CODECS = ClassName.get(CODEC_PACKAGE, "ValueCodecs");
    static final ClassName MODEL_VALUES = ClassName.get(CODEC_PACKAGE, "ModelValues");
    static final ClassName MERGE = ClassName.get("dev.multisession.annotations", "Merge");
    static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
    static final ClassName OBJECT_NODE = ClassName.get("com.fasterxml.jackson.databind.node", "ObjectNode");
    static final ClassName JSON_NODE_FACTORY = ClassName.get("com.fasterxml.jackson.databind.node", "JsonNodeFactory");
    static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private RuntimeNames() {}
}
