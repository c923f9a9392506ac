package dev.multisession.codec.abi;

/**
 * The qualified names of the types generated code refers to: the codec SPI it implements, the
 * runtime classes it calls, and the Jackson types in their signatures.
 */
public final class RuntimeTypes {

    /** The public codec SPI; stable for users as well as for generated code. */
    public static final String SPI_PACKAGE = "dev.multisession.runtime.codec";

    /** The runtime classes only generated code calls. */
    public static final String ABI_PACKAGE = "dev.multisession.runtime.codec.abi";

    public static final String MULTI_SESSION_CODEC = SPI_PACKAGE + ".MultiSessionCodec";
    public static final String MULTI_SESSION_CODECS = SPI_PACKAGE + ".MultiSessionCodecs";
    public static final String SYNCED_FIELD = SPI_PACKAGE + ".SyncedField";
    public static final String POLYMORPHIC_CODEC = SPI_PACKAGE + ".PolymorphicCodec";

    /**
     * The annotation that records, on each generated codec, the ABI version it was written for.
     * It is the one member of the ABI that never moves nor changes: the runtime reads it to decide
     * whether it can use the rest.
     */
    public static final String CODEC_ABI_VERSION = ABI_PACKAGE + ".CodecAbiVersion";
    public static final String VALUE_CODEC = ABI_PACKAGE + ".ValueCodec";
    public static final String VALUE_CODECS = ABI_PACKAGE + ".ValueCodecs";
    public static final String VALUE_UPDATES = ABI_PACKAGE + ".ValueUpdates";
    public static final String VALUE_READS = ABI_PACKAGE + ".ValueReads";
    public static final String GENERATED_CODEC = ABI_PACKAGE + ".GeneratedCodec";
    public static final String VALUE_WRITES = ABI_PACKAGE + ".ValueWrites";
    public static final String MODEL_VALUES = ABI_PACKAGE + ".ModelValues";

    public static final String MERGE = "dev.multisession.annotations.Merge";
    public static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
    public static final String OBJECT_NODE = "com.fasterxml.jackson.databind.node.ObjectNode";
    /**
     * Jackson's {@code TypeReference}. Joined when the class loads instead of written as one constant:
     * the processor jar relocates its own copy of jackson-core, and the shade plugin rewrites every string
     * constant that names a class of that package, which would make generated code import the processor's
     * private copy.
     */
    public static final String TYPE_REFERENCE = String.join(".", "com.fasterxml.jackson", "core.type.TypeReference");

    private RuntimeTypes() {}
}
