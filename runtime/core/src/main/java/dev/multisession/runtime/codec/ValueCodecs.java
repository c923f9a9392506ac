package dev.multisession.runtime.codec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The value conversions generated codecs use: numbers, booleans and strings as their JSON
 * counterparts, enums by name, {@code UUID} and {@code java.time} values as ISO-8601 strings,
 * lists, sets and string-keyed maps of those, and Jackson data binding for anything else.
 *
 * <p>Generated code reads strings, numbers, booleans and enums through the static
 * {@code read…} methods: plain static calls that the JIT inlines at every call site, with the
 * same checks and messages as the constants. A primitive's method ({@code readInt}) rejects
 * JSON null; its box's ({@code readIntOrNull}) gives {@code null}. The other types go through
 * the {@link ValueCodec} constants, each a class of its own so that a call on a constant is
 * monomorphic too.
 */
public final class ValueCodecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String A_BOOLEAN = "a boolean";
    private static final String A_NUMBER = "a number";
    private static final String A_STRING = "a string";

    public static final ValueCodec<Boolean> BOOLEAN = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Boolean value) {
            return value == null ? NullNode.getInstance() : NODES.booleanNode(value);
        }

        @Override
        public Boolean fromJson(JsonNode node, String key) {
            return readBooleanOrNull(node, key);
        }
    };
    public static final ValueCodec<Byte> BYTE = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Byte value) {
            return byteNode(value);
        }

        @Override
        public Byte fromJson(JsonNode node, String key) {
            return readByteOrNull(node, key);
        }
    };
    public static final ValueCodec<Short> SHORT = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Short value) {
            return NODES.numberNode(value);
        }

        @Override
        public Short fromJson(JsonNode node, String key) {
            return readShortOrNull(node, key);
        }
    };
    public static final ValueCodec<Integer> INT = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Integer value) {
            return NODES.numberNode(value);
        }

        @Override
        public Integer fromJson(JsonNode node, String key) {
            return readIntOrNull(node, key);
        }
    };
    public static final ValueCodec<Long> LONG = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Long value) {
            return NODES.numberNode(value);
        }

        @Override
        public Long fromJson(JsonNode node, String key) {
            return readLongOrNull(node, key);
        }
    };
    public static final ValueCodec<Float> FLOAT = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Float value) {
            return NODES.numberNode(value);
        }

        @Override
        public Float fromJson(JsonNode node, String key) {
            return readFloatOrNull(node, key);
        }
    };
    public static final ValueCodec<Double> DOUBLE = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Double value) {
            return NODES.numberNode(value);
        }

        @Override
        public Double fromJson(JsonNode node, String key) {
            return readDoubleOrNull(node, key);
        }
    };
    public static final ValueCodec<Character> CHAR = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Character value) {
            return charNode(value);
        }

        @Override
        public Character fromJson(JsonNode node, String key) {
            return readCharOrNull(node, key);
        }
    };
    public static final ValueCodec<String> STRING = new ValueCodec<>() {
        @Override
        public JsonNode toJson(String value) {
            return value == null ? NullNode.getInstance() : NODES.textNode(value);
        }

        @Override
        public String fromJson(JsonNode node, String key) {
            return readString(node, key);
        }

        @Override
        public boolean same(String a, String b) {
            return Objects.equals(a, b);
        }
    };
    public static final ValueCodec<BigDecimal> BIG_DECIMAL = new ValueCodec<>() {
        @Override
        public JsonNode toJson(BigDecimal value) {
            return value == null ? NullNode.getInstance() : NODES.numberNode(value);
        }

        @Override
        public BigDecimal fromJson(JsonNode node, String key) {
            return readBigDecimal(node, key);
        }

        @Override
        public boolean same(BigDecimal a, BigDecimal b) {
            return sameNumber(a, b);
        }
    };
    public static final ValueCodec<BigInteger> BIG_INTEGER = new ValueCodec<>() {
        @Override
        public JsonNode toJson(BigInteger value) {
            return value == null ? NullNode.getInstance() : NODES.numberNode(value);
        }

        @Override
        public BigInteger fromJson(JsonNode node, String key) {
            return readBigInteger(node, key);
        }
    };
    public static final ValueCodec<java.util.UUID> UUID = new Text<>() {
        @Override
        java.util.UUID parse(String text) {
            return java.util.UUID.fromString(text);
        }
    };
    public static final ValueCodec<Instant> INSTANT = new Text<>() {
        @Override
        Instant parse(String text) {
            return Instant.parse(text);
        }
    };
    public static final ValueCodec<LocalDate> LOCAL_DATE = new Text<>() {
        @Override
        LocalDate parse(String text) {
            return LocalDate.parse(text);
        }
    };
    public static final ValueCodec<LocalDateTime> LOCAL_DATE_TIME = new Text<>() {
        @Override
        LocalDateTime parse(String text) {
            return LocalDateTime.parse(text);
        }
    };
    public static final ValueCodec<LocalTime> LOCAL_TIME = new Text<>() {
        @Override
        LocalTime parse(String text) {
            return LocalTime.parse(text);
        }
    };
    public static final ValueCodec<OffsetDateTime> OFFSET_DATE_TIME = new Text<>() {
        @Override
        OffsetDateTime parse(String text) {
            return OffsetDateTime.parse(text);
        }
    };
    public static final ValueCodec<OffsetTime> OFFSET_TIME = new Text<>() {
        @Override
        OffsetTime parse(String text) {
            return OffsetTime.parse(text);
        }
    };
    public static final ValueCodec<ZonedDateTime> ZONED_DATE_TIME = new Text<>() {
        @Override
        ZonedDateTime parse(String text) {
            return ZonedDateTime.parse(text);
        }
    };
    public static final ValueCodec<Duration> DURATION = new Text<>() {
        @Override
        Duration parse(String text) {
            return Duration.parse(text);
        }
    };
    public static final ValueCodec<Period> PERIOD = new Text<>() {
        @Override
        Period parse(String text) {
            return Period.parse(text);
        }
    };
    public static final ValueCodec<Year> YEAR = new Text<>() {
        @Override
        Year parse(String text) {
            return Year.parse(text);
        }
    };
    public static final ValueCodec<YearMonth> YEAR_MONTH = new Text<>() {
        @Override
        YearMonth parse(String text) {
            return YearMonth.parse(text);
        }
    };
    public static final ValueCodec<ZoneId> ZONE_ID = new Text<>() {
        @Override
        ZoneId parse(String text) {
            return ZoneId.of(text);
        }
    };

    private ValueCodecs() {}

    // Reading, for generated code: the checks and messages of the constants, as static calls.

    /** A string; JSON null gives {@code null}. */
    public static String readString(JsonNode node, String key) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNull()) {
            return null;
        }
        throw wrongType(key, A_STRING, node);
    }

    /** A {@code boolean} field's value; JSON null is an error. */
    public static boolean readBoolean(JsonNode node, String key) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw nullOrWrongType(key, A_BOOLEAN, node);
    }

    /** A {@code Boolean}; JSON null gives {@code null}. */
    public static Boolean readBooleanOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readBoolean(node, key);
    }

    /** A {@code byte} field's value, range-checked; JSON null is an error. */
    public static byte readByte(JsonNode node, String key) {
        return (byte) integral(node, key, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    /** A {@code Byte}, range-checked; JSON null gives {@code null}. */
    public static Byte readByteOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readByte(node, key);
    }

    /** A {@code short} field's value, range-checked; JSON null is an error. */
    public static short readShort(JsonNode node, String key) {
        return (short) integral(node, key, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    /** A {@code Short}, range-checked; JSON null gives {@code null}. */
    public static Short readShortOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readShort(node, key);
    }

    /** An {@code int} field's value, range-checked; JSON null is an error. */
    public static int readInt(JsonNode node, String key) {
        if (node.isInt()) {
            return node.intValue();
        }
        return (int) integral(node, key, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An {@code Integer}, range-checked; JSON null gives {@code null}. */
    public static Integer readIntOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readInt(node, key);
    }

    /** A {@code long} field's value; JSON null is an error. */
    public static long readLong(JsonNode node, String key) {
        if (node.isInt() || node.isLong()) {
            return node.longValue();
        }
        return integral(node, key, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A {@code Long}; JSON null gives {@code null}. */
    public static Long readLongOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readLong(node, key);
    }

    /** A {@code float} field's value; JSON null is an error. */
    public static float readFloat(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.floatValue();
        }
        throw nullOrWrongType(key, A_NUMBER, node);
    }

    /** A {@code Float}; JSON null gives {@code null}. */
    public static Float readFloatOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readFloat(node, key);
    }

    /** A {@code double} field's value; JSON null is an error. */
    public static double readDouble(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw nullOrWrongType(key, A_NUMBER, node);
    }

    /** A {@code Double}; JSON null gives {@code null}. */
    public static Double readDoubleOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readDouble(node, key);
    }

    /** A {@code char} field's value from a one-character string; JSON null is an error. */
    public static char readChar(JsonNode node, String key) {
        if (node.isTextual() && node.textValue().length() == 1) {
            return node.textValue().charAt(0);
        }
        throw nullOrWrongType(key, "a one-character string", node);
    }

    /** A {@code Character} from a one-character string; JSON null gives {@code null}. */
    public static Character readCharOrNull(JsonNode node, String key) {
        return node.isNull() ? null : readChar(node, key);
    }

    /** A {@code BigDecimal} from a number or a numeric string; JSON null gives {@code null}. */
    public static BigDecimal readBigDecimal(JsonNode node, String key) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(key, A_NUMBER, node);
        }
        try {
            return new BigDecimal(node.textValue());
        } catch (RuntimeException e) {
            throw notA(key, A_NUMBER, e);
        }
    }

    /** A {@code BigInteger} from an integral number or a numeric string; JSON null gives {@code null}. */
    public static BigInteger readBigInteger(JsonNode node, String key) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(key, "an integer", node);
        }
        try {
            return new BigInteger(node.textValue());
        } catch (RuntimeException e) {
            throw notA(key, "an integer", e);
        }
    }

    /** An enum constant by its name; JSON null gives {@code null}. */
    public static <E extends Enum<E>> E readEnum(JsonNode node, String key, Class<E> type) {
        String name = readString(node, key);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (RuntimeException e) {
            throw notA(key, A_STRING, e);
        }
    }

    // Writing the values ObjectNode.put has no overload for.

    /** A {@code Byte} as a JSON number; {@code null} as JSON null. */
    public static JsonNode byteNode(Byte value) {
        return value == null ? NullNode.getInstance() : NODES.numberNode(value);
    }

    /** A {@code char} as a one-character string. */
    public static JsonNode charNode(char value) {
        return NODES.textNode(String.valueOf(value));
    }

    /** A {@code Character} as a one-character string; {@code null} as JSON null. */
    public static JsonNode charNode(Character value) {
        return value == null ? NullNode.getInstance() : charNode(value.charValue());
    }

    /** An enum constant as its name; {@code null} as JSON null. */
    public static JsonNode enumNode(Enum<?> value) {
        return value == null ? NullNode.getInstance() : NODES.textNode(value.name());
    }

    /** Whether two decimals are the same amount: 2.5 and 2.50 are, as a JSON parser may drop the trailing zero. */
    public static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** An enum constant by its {@link Enum#name() name}. */
    public static <E extends Enum<E>> ValueCodec<E> ofEnum(Class<E> type) {
        Objects.requireNonNull(type, "type");
        return new ValueCodec<>() {
            @Override
            public JsonNode toJson(E value) {
                return enumNode(value);
            }

            @Override
            public E fromJson(JsonNode node, String key) {
                return readEnum(node, key, type);
            }

            @Override
            public boolean same(E a, E b) {
                return a == b;
            }
        };
    }

    /** A list as a JSON array; read back as a mutable {@link ArrayList}. */
    public static <E> ValueCodec<List<E>> listOf(ValueCodec<E> element) {
        return new ArrayCodec<>(element, false);
    }

    /** A set as a JSON array in iteration order; read back as a mutable {@link LinkedHashSet}. */
    public static <E> ValueCodec<Set<E>> setOf(ValueCodec<E> element) {
        Objects.requireNonNull(element, "element");
        ArrayCodec<E> array = new ArrayCodec<>(element, true);
        return new ValueCodec<>() {
            @Override
            public JsonNode toJson(Set<E> value) {
                return array.toJson(value == null ? null : new ArrayList<>(value));
            }

            @Override
            public Set<E> fromJson(JsonNode node, String key) {
                List<E> list = array.fromJson(node, key);
                return list == null ? null : new LinkedHashSet<>(list);
            }
        };
    }

    /** A string-keyed map as a JSON object in iteration order; read back as a {@link LinkedHashMap}. */
    public static <V> ValueCodec<Map<String, V>> mapOf(ValueCodec<V> value) {
        Objects.requireNonNull(value, "value");
        return new ValueCodec<>() {
            @Override
            public JsonNode toJson(Map<String, V> map) {
                if (map == null) {
                    return NullNode.getInstance();
                }
                ObjectNode object = NODES.objectNode();
                map.forEach((k, v) -> object.set(k, value.toJson(v)));
                return object;
            }

            @Override
            public Map<String, V> fromJson(JsonNode node, String key) {
                if (node.isNull()) {
                    return null;
                }
                if (!node.isObject()) {
                    throw wrongType(key, "an object", node);
                }
                Map<String, V> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    map.put(entry.getKey(), value.fromJson(entry.getValue(), key + "." + entry.getKey()));
                }
                return map;
            }
        };
    }

    /** Any other type, through Jackson data binding with the {@link DataBinding shared mapper}. */
    public static <V> ValueCodec<V> bound(Class<V> type) {
        return bound(DataBinding.mapper().constructType(type));
    }

    /** A generic type bound through Jackson, e.g. {@code new TypeReference<Optional<Money>>() {}}. */
    public static <V> ValueCodec<V> bound(TypeReference<V> type) {
        return bound(DataBinding.mapper().constructType(type));
    }

    private static <V> ValueCodec<V> bound(JavaType type) {
        return new ValueCodec<>() {
            @Override
            public JsonNode toJson(V value) {
                return value == null ? NullNode.getInstance() : DataBinding.mapper().valueToTree(value);
            }

            @Override
            public V fromJson(JsonNode node, String key) {
                if (node.isNull()) {
                    return null;
                }
                try {
                    return DataBinding.mapper().treeToValue(node, type);
                } catch (Exception e) {
                    throw new IllegalArgumentException("'" + key + "' cannot be read as " + type.toCanonical()
                            + ": " + e.getMessage(), e);
                }
            }
        };
    }

    static IllegalArgumentException wrongType(String key, String expected, JsonNode node) {
        return new IllegalArgumentException("'" + key + "' must be " + expected + " or null, but is " + node.getNodeType()
                + " " + abbreviate(node));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static IllegalArgumentException nullOrWrongType(String key, String expected, JsonNode node) {
        return node.isNull() ? nullForPrimitive(key) : wrongType(key, expected, node);
    }

    static IllegalArgumentException nullForPrimitive(String key) {
        return new IllegalArgumentException("'" + key + "' is null, but its field is a primitive");
    }

    private static IllegalArgumentException notA(String key, String expected, RuntimeException e) {
        return new IllegalArgumentException("'" + key + "' is not " + expected + ": " + e.getMessage(), e);
    }

    /** An integral value in [min, max]: an integer, or a floating-point number without a fraction. */
    private static long integral(JsonNode node, String key, long min, long max) {
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= min && node.longValue() <= max
                || node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                        && node.doubleValue() >= min && node.doubleValue() <= max) {
            return node.longValue();
        }
        throw nullOrWrongType(key, "an integer between " + min + " and " + max, node);
    }

    /** ISO-8601 and other string forms: {@code toString()} out, {@link #parse} in. */
    private abstract static class Text<V> implements ValueCodec<V> {

        abstract V parse(String text);

        @Override
        public JsonNode toJson(V value) {
            return value == null ? NullNode.getInstance() : NODES.textNode(value.toString());
        }

        @Override
        public V fromJson(JsonNode node, String key) {
            String text = readString(node, key);
            if (text == null) {
                return null;
            }
            try {
                return parse(text);
            } catch (RuntimeException e) {
                throw notA(key, A_STRING, e);
            }
        }
    }

    private static final class ArrayCodec<E> implements ValueCodec<List<E>> {
        private final ValueCodec<E> element;
        private final boolean set;

        ArrayCodec(ValueCodec<E> element, boolean set) {
            this.element = Objects.requireNonNull(element, "element");
            this.set = set;
        }

        @Override
        public JsonNode toJson(List<E> value) {
            if (value == null) {
                return NullNode.getInstance();
            }
            ArrayNode array = NODES.arrayNode(value.size());
            for (E e : value) {
                array.add(element.toJson(e));
            }
            return array;
        }

        @Override
        public List<E> fromJson(JsonNode node, String key) {
            if (node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                throw wrongType(key, set ? "an array (of a set)" : "an array", node);
            }
            List<E> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(element.fromJson(node.get(i), key + "[" + i + "]"));
            }
            return list;
        }
    }
}
