package dev.multisession.codec.abi;

import static dev.multisession.codec.abi.AbiMethod.staticMethod;
import static dev.multisession.codec.abi.RuntimeTypes.JSON_NODE;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_CODEC;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_CODECS;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_COMPARISONS;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_READS;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_WRITES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of built-in value types: for each, the {@code ValueCodecs} constant and, where
 * generated code converts it by direct calls, the {@code ValueReads}, {@code ValueWrites} and
 * {@code ValueComparisons} methods it calls. The processor classifies field types by it; the
 * runtime implements it.
 */
public final class BuiltInTypes {

    private static final String STRING = "java.lang.String";
    private static final Map<String, BuiltInType> BY_NAME = new LinkedHashMap<>();

    static {
        // Primitives read with a method that rejects JSON null; json.put takes every primitive but char.
        direct("boolean", "BOOLEAN", "readBoolean", null, null);
        direct("byte", "BYTE", "readByte", null, null);
        direct("short", "SHORT", "readShort", null, null);
        direct("int", "INT", "readInt", null, null);
        direct("long", "LONG", "readLong", null, null);
        direct("float", "FLOAT", "readFloat", null, null);
        direct("double", "DOUBLE", "readDouble", null, null);
        direct("char", "CHAR", "readChar", writer("charNode", "char"), null);
        // Boxes read with a method that gives null for JSON null; json.put takes every box but Byte and Character.
        direct("java.lang.Boolean", "BOOLEAN", "readBooleanOrNull", null, null);
        direct("java.lang.Byte", "BYTE", "readByteOrNull", writer("byteNode", "java.lang.Byte"), null);
        direct("java.lang.Short", "SHORT", "readShortOrNull", null, null);
        direct("java.lang.Integer", "INT", "readIntOrNull", null, null);
        direct("java.lang.Long", "LONG", "readLongOrNull", null, null);
        direct("java.lang.Float", "FLOAT", "readFloatOrNull", null, null);
        direct("java.lang.Double", "DOUBLE", "readDoubleOrNull", null, null);
        direct("java.lang.Character", "CHAR", "readCharOrNull", writer("charNode", "java.lang.Character"), null);
        direct(STRING, "STRING", "readString", null, null);
        direct("java.math.BigDecimal", "BIG_DECIMAL", "readBigDecimal", null,
                staticMethod(VALUE_COMPARISONS, "boolean", "sameNumber", "java.math.BigDecimal", "java.math.BigDecimal"));
        direct("java.math.BigInteger", "BIG_INTEGER", "readBigInteger", null, null);
        // ISO-8601 and other string forms, through their codec constants.
        throughCodec("java.util.UUID", "UUID");
        throughCodec("java.time.Instant", "INSTANT");
        throughCodec("java.time.LocalDate", "LOCAL_DATE");
        throughCodec("java.time.LocalDateTime", "LOCAL_DATE_TIME");
        throughCodec("java.time.LocalTime", "LOCAL_TIME");
        throughCodec("java.time.OffsetDateTime", "OFFSET_DATE_TIME");
        throughCodec("java.time.OffsetTime", "OFFSET_TIME");
        throughCodec("java.time.ZonedDateTime", "ZONED_DATE_TIME");
        throughCodec("java.time.Duration", "DURATION");
        throughCodec("java.time.Period", "PERIOD");
        throughCodec("java.time.Year", "YEAR");
        throughCodec("java.time.YearMonth", "YEAR_MONTH");
        throughCodec("java.time.ZoneId", "ZONE_ID");
    }

    private BuiltInTypes() {}

    /** Every built-in type, primitives first, in a fixed order. */
    public static List<BuiltInType> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The built-in type of a qualified type name ({@code int}, {@code java.util.UUID}), if it is one. */
    public static Optional<BuiltInType> of(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    private static void direct(String typeName, String constant, String read, AbiMethod write, AbiMethod same) {
        add(new BuiltInType(typeName, codec(constant),
                Optional.of(staticMethod(VALUE_READS, typeName, read, JSON_NODE, STRING)),
                Optional.ofNullable(write), Optional.ofNullable(same)));
    }

    private static void throughCodec(String typeName, String constant) {
        add(new BuiltInType(typeName, codec(constant), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static void add(BuiltInType type) {
        if (BY_NAME.put(type.typeName(), type) != null) {
            throw new IllegalStateException("built-in type listed twice: " + type.typeName());
        }
    }

    private static AbiConstant codec(String constant) {
        return new AbiConstant(VALUE_CODECS, constant, VALUE_CODEC);
    }

    private static AbiMethod writer(String name, String parameterType) {
        return staticMethod(VALUE_WRITES, JSON_NODE, name, parameterType);
    }
}
