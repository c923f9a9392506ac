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
import java.util.function.Function;

/**
 * The value conversions generated codecs use: numbers, booleans and strings as their JSON
 * counterparts, enums by name, {@code UUID} and {@code java.time} values as ISO-8601 strings,
 * lists, sets and string-keyed maps of those, and Jackson data binding for anything else.
 */
public final class ValueCodecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static final ValueCodec<Boolean> BOOLEAN = of(NODES::booleanNode, JsonNode::isBoolean, JsonNode::booleanValue, "a boolean");
    public static final ValueCodec<Byte> BYTE = integral(v -> NODES.numberNode(v), n -> (byte) n.intValue(), Byte.MIN_VALUE, Byte.MAX_VALUE);
    public static final ValueCodec<Short> SHORT = integral(NODES::numberNode, n -> (short) n.intValue(), Short.MIN_VALUE, Short.MAX_VALUE);
    public static final ValueCodec<Integer> INT = integral(NODES::numberNode, JsonNode::intValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
    public static final ValueCodec<Long> LONG = integral(NODES::numberNode, JsonNode::longValue, Long.MIN_VALUE, Long.MAX_VALUE);
    public static final ValueCodec<Float> FLOAT = of(NODES::numberNode, JsonNode::isNumber, JsonNode::floatValue, "a number");
    public static final ValueCodec<Double> DOUBLE = of(NODES::numberNode, JsonNode::isNumber, JsonNode::doubleValue, "a number");
    public static final ValueCodec<Character> CHAR = of(c -> NODES.textNode(String.valueOf(c)),
            n -> n.isTextual() && n.textValue().length() == 1, n -> n.textValue().charAt(0), "a one-character string");
    public static final ValueCodec<String> STRING = of(NODES::textNode, JsonNode::isTextual, JsonNode::textValue, "a string");
    public static final ValueCodec<BigDecimal> BIG_DECIMAL = new ValueCodec<>() {
        private final ValueCodec<BigDecimal> plain = of(NODES::numberNode, n -> n.isNumber() || n.isTextual(),
                n -> n.isTextual() ? new BigDecimal(n.textValue()) : n.decimalValue(), "a number");

        @Override
        public JsonNode toJson(BigDecimal value) {
            return plain.toJson(value);
        }

        @Override
        public BigDecimal fromJson(JsonNode node, String key) {
            return plain.fromJson(node, key);
        }

        /** 2.5 and 2.50 are the same amount: a JSON parser may drop the trailing zero. */
        @Override
        public boolean same(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    };
    public static final ValueCodec<BigInteger> BIG_INTEGER = of(NODES::numberNode,
            n -> n.isIntegralNumber() || n.isTextual(), n -> n.isTextual() ? new BigInteger(n.textValue()) : n.bigIntegerValue(),
            "an integer");
    public static final ValueCodec<java.util.UUID> UUID = text(java.util.UUID::fromString);
    public static final ValueCodec<Instant> INSTANT = text(Instant::parse);
    public static final ValueCodec<LocalDate> LOCAL_DATE = text(LocalDate::parse);
    public static final ValueCodec<LocalDateTime> LOCAL_DATE_TIME = text(LocalDateTime::parse);
    public static final ValueCodec<LocalTime> LOCAL_TIME = text(LocalTime::parse);
    public static final ValueCodec<OffsetDateTime> OFFSET_DATE_TIME = text(OffsetDateTime::parse);
    public static final ValueCodec<OffsetTime> OFFSET_TIME = text(OffsetTime::parse);
    public static final ValueCodec<ZonedDateTime> ZONED_DATE_TIME = text(ZonedDateTime::parse);
    public static final ValueCodec<Duration> DURATION = text(Duration::parse);
    public static final ValueCodec<Period> PERIOD = text(Period::parse);
    public static final ValueCodec<Year> YEAR = text(Year::parse);
    public static final ValueCodec<YearMonth> YEAR_MONTH = text(YearMonth::parse);
    public static final ValueCodec<ZoneId> ZONE_ID = text(ZoneId::of);

    private ValueCodecs() {}

    /** An enum constant by its {@link Enum#name() name}. */
    public static <E extends Enum<E>> ValueCodec<E> ofEnum(Class<E> type) {
        Objects.requireNonNull(type, "type");
        return text(name -> Enum.valueOf(type, name));
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

    private static <V> ValueCodec<V> of(Function<V, JsonNode> write, java.util.function.Predicate<JsonNode> accepts,
            Function<JsonNode, V> read, String expected) {
        return new ValueCodec<>() {
            @Override
            public JsonNode toJson(V value) {
                return value == null ? NullNode.getInstance() : write.apply(value);
            }

            @Override
            public V fromJson(JsonNode node, String key) {
                if (node.isNull()) {
                    return null;
                }
                if (!accepts.test(node)) {
                    throw wrongType(key, expected, node);
                }
                try {
                    return read.apply(node);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("'" + key + "' is not " + expected + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private static <V extends Number> ValueCodec<V> integral(Function<V, JsonNode> write, Function<JsonNode, V> read,
            long min, long max) {
        return of(write, n -> n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= min && n.longValue() <= max
                || n.isFloatingPointNumber() && n.doubleValue() == Math.rint(n.doubleValue())
                        && n.doubleValue() >= min && n.doubleValue() <= max,
                read, "an integer between " + min + " and " + max);
    }

    /** ISO-8601 and other string forms: {@code toString()} out, the parse function in. */
    private static <V> ValueCodec<V> text(Function<String, V> parse) {
        return of(v -> NODES.textNode(v.toString()), JsonNode::isTextual, n -> parse.apply(n.textValue()), "a string");
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
