package dev.multisession.codec.abi;

import static dev.multisession.codec.abi.AbiMethod.staticMethod;
import static dev.multisession.codec.abi.RuntimeTypes.JSON_NODE;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_CODEC;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_CODECS;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_READS;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_UPDATES;
import static dev.multisession.codec.abi.RuntimeTypes.VALUE_WRITES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of built-in value types: for each, the {@code ValueCodecs} constant, the
 * {@code ValueWrites} method that exports it where {@code ObjectNode.put} has no overload, and for
 * a primitive the {@code ValueUpdates} methods that initialise and apply it. The processor classifies field types by it; the
 * runtime implements it.
 */
public final class BuiltInTypes {

    private static final String STRING = "java.lang.String";
    private static final String SET = "java.util.Set";
    private static final String INT_CONSUMER = "java.util.function.IntConsumer";
    private static final String DOUBLE_CONSUMER = "java.util.function.DoubleConsumer";
    private static final String BOOLEAN_SETTER = VALUE_UPDATES + "$BooleanSetter";
    private static final Map<String, BuiltInType> BY_NAME = new LinkedHashMap<>();

    static {
        // Primitives: one call each to initialise and to apply, with the value unboxed; json.put takes every
        // primitive but char. byte, short and char travel as int, float as double.
        primitive("boolean", "BOOLEAN", "Boolean", "boolean", BOOLEAN_SETTER, null);
        primitive("byte", "BYTE", "Byte", "int", INT_CONSUMER, null);
        primitive("short", "SHORT", "Short", "int", INT_CONSUMER, null);
        primitive("int", "INT", "Int", "int", INT_CONSUMER, null);
        primitive("long", "LONG", "Long", "long", "java.util.function.LongConsumer", null);
        primitive("float", "FLOAT", "Float", "double", DOUBLE_CONSUMER, null);
        primitive("double", "DOUBLE", "Double", "double", DOUBLE_CONSUMER, null);
        primitive("char", "CHAR", "Char", "int", INT_CONSUMER, writer("charNode", "char"));
        // Boxes and the other JSON scalars: through their codec constants, exported directly; json.put takes
        // every box but Byte and Character.
        direct("java.lang.Boolean", "BOOLEAN", null);
        direct("java.lang.Byte", "BYTE", writer("byteNode", "java.lang.Byte"));
        direct("java.lang.Short", "SHORT", null);
        direct("java.lang.Integer", "INT", null);
        direct("java.lang.Long", "LONG", null);
        direct("java.lang.Float", "FLOAT", null);
        direct("java.lang.Double", "DOUBLE", null);
        direct("java.lang.Character", "CHAR", writer("charNode", "java.lang.Character"));
        direct(STRING, "STRING", null);
        direct("java.math.BigDecimal", "BIG_DECIMAL", null);
        direct("java.math.BigInteger", "BIG_INTEGER", null);
        // ISO-8601 and other string forms, parsed and written by their codec constants without data binding.
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

    private static void primitive(String typeName, String constant, String suffix, String carried, String setter,
            AbiMethod write) {
        add(new BuiltInType(typeName, codec(constant), true, Optional.ofNullable(write),
                Optional.of(staticMethod(VALUE_UPDATES, "void", "init" + suffix, JSON_NODE, STRING, setter)),
                Optional.of(staticMethod(VALUE_UPDATES, "void", "apply" + suffix, JSON_NODE, STRING, carried, setter,
                        SET)),
                Optional.of(staticMethod(VALUE_UPDATES, typeName, "init" + suffix, JSON_NODE, STRING, typeName)),
                Optional.of(staticMethod(VALUE_UPDATES, typeName, "apply" + suffix, JSON_NODE, STRING, typeName, SET)),
                Optional.of(staticMethod(VALUE_READS, typeName, "read" + suffix, JSON_NODE, STRING))));
    }

    private static void direct(String typeName, String constant, AbiMethod write) {
        add(new BuiltInType(typeName, codec(constant), true, Optional.ofNullable(write), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static void throughCodec(String typeName, String constant) {
        add(new BuiltInType(typeName, codec(constant), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()));
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
