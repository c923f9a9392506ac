package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.multisession.runtime.codec.DataBinding;
import dev.multisession.runtime.json.IsoTexts;
import dev.multisession.runtime.json.IsoWrites;
import dev.multisession.runtime.json.RegionIds;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link ValueCodec}s of generated code: a constant per built-in value type (numbers, booleans
 * and strings as their JSON counterparts, {@code UUID} and {@code java.time} values as ISO-8601
 * strings), and factories for enums by name, lists, sets and string-keyed maps of values, and
 * Jackson data binding for anything else. Each constant is a class of its own, so that a call on
 * it is monomorphic; the ones of types generated code converts by direct calls
 * ({@link ValueReads}) check and report exactly as those calls do.
 */
public final class ValueCodecs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static final ValueCodec<Boolean> BOOLEAN = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Boolean value) {
            return value == null ? NullNode.getInstance() : NODES.booleanNode(value);
        }

        @Override
        public Boolean fromJson(JsonNode node, String key) {
            return ValueReads.readBooleanOrNull(node, key);
        }
    };
    public static final ValueCodec<Byte> BYTE = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Byte value) {
            return ValueWrites.byteNode(value);
        }

        @Override
        public Byte fromJson(JsonNode node, String key) {
            return ValueReads.readByteOrNull(node, key);
        }
    };
    public static final ValueCodec<Short> SHORT = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Short value) {
            return NODES.numberNode(value);
        }

        @Override
        public Short fromJson(JsonNode node, String key) {
            return ValueReads.readShortOrNull(node, key);
        }
    };
    public static final ValueCodec<Integer> INT = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Integer value) {
            return NODES.numberNode(value);
        }

        @Override
        public Integer fromJson(JsonNode node, String key) {
            return ValueReads.readIntOrNull(node, key);
        }
    };
    public static final ValueCodec<Long> LONG = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Long value) {
            return NODES.numberNode(value);
        }

        @Override
        public Long fromJson(JsonNode node, String key) {
            return ValueReads.readLongOrNull(node, key);
        }
    };
    public static final ValueCodec<Float> FLOAT = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Float value) {
            return NODES.numberNode(value);
        }

        @Override
        public Float fromJson(JsonNode node, String key) {
            return ValueReads.readFloatOrNull(node, key);
        }
    };
    public static final ValueCodec<Double> DOUBLE = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Double value) {
            return NODES.numberNode(value);
        }

        @Override
        public Double fromJson(JsonNode node, String key) {
            return ValueReads.readDoubleOrNull(node, key);
        }
    };
    public static final ValueCodec<Character> CHAR = new ValueCodec<>() {
        @Override
        public JsonNode toJson(Character value) {
            return ValueWrites.charNode(value);
        }

        @Override
        public Character fromJson(JsonNode node, String key) {
            return ValueReads.readCharOrNull(node, key);
        }
    };
    public static final ValueCodec<String> STRING = new ValueCodec<>() {
        @Override
        public JsonNode toJson(String value) {
            return value == null ? NullNode.getInstance() : NODES.textNode(value);
        }

        @Override
        public String fromJson(JsonNode node, String key) {
            return ValueReads.readString(node, key);
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
            return ValueReads.readBigDecimal(node, key);
        }

        @Override
        public boolean same(BigDecimal a, BigDecimal b) {
            return ValueComparisons.sameNumber(a, b);
        }
    };
    public static final ValueCodec<BigInteger> BIG_INTEGER = new ValueCodec<>() {
        @Override
        public JsonNode toJson(BigInteger value) {
            return value == null ? NullNode.getInstance() : NODES.numberNode(value);
        }

        @Override
        public BigInteger fromJson(JsonNode node, String key) {
            return ValueReads.readBigInteger(node, key);
        }
    };
    public static final ValueCodec<java.util.UUID> UUID = new TextCodec<>() {
        @Override
        java.util.UUID parse(String text) {
            return java.util.UUID.fromString(text);
        }
    };
    public static final ValueCodec<Instant> INSTANT = new TextCodec<>() {
        @Override
        String format(Instant value) {
            return IsoWrites.instant(value);
        }

        @Override
        Instant parse(String text) {
            Instant read = IsoTexts.instant(text);
            return read != null ? read : Instant.parse(text);
        }
    };
    public static final ValueCodec<LocalDate> LOCAL_DATE = new TextCodec<>() {
        @Override
        String format(LocalDate value) {
            return IsoWrites.localDate(value);
        }

        @Override
        LocalDate parse(String text) {
            LocalDate read = IsoTexts.localDate(text);
            return read != null ? read : LocalDate.parse(text);
        }
    };
    public static final ValueCodec<LocalDateTime> LOCAL_DATE_TIME = new TextCodec<>() {
        @Override
        String format(LocalDateTime value) {
            return IsoWrites.localDateTime(value);
        }

        @Override
        LocalDateTime parse(String text) {
            LocalDateTime read = IsoTexts.localDateTime(text);
            return read != null ? read : LocalDateTime.parse(text);
        }
    };
    public static final ValueCodec<LocalTime> LOCAL_TIME = new TextCodec<>() {
        @Override
        String format(LocalTime value) {
            return IsoWrites.localTime(value);
        }

        @Override
        LocalTime parse(String text) {
            LocalTime read = IsoTexts.localTime(text);
            return read != null ? read : LocalTime.parse(text);
        }
    };
    public static final ValueCodec<OffsetDateTime> OFFSET_DATE_TIME = new TextCodec<>() {
        @Override
        String format(OffsetDateTime value) {
            return IsoWrites.offsetDateTime(value);
        }

        @Override
        OffsetDateTime parse(String text) {
            OffsetDateTime read = IsoTexts.offsetDateTime(text);
            return read != null ? read : OffsetDateTime.parse(text);
        }
    };
    public static final ValueCodec<OffsetTime> OFFSET_TIME = new TextCodec<>() {
        @Override
        String format(OffsetTime value) {
            return IsoWrites.offsetTime(value);
        }

        @Override
        OffsetTime parse(String text) {
            OffsetTime read = IsoTexts.offsetTime(text);
            return read != null ? read : OffsetTime.parse(text);
        }
    };
    public static final ValueCodec<ZonedDateTime> ZONED_DATE_TIME = new TextCodec<>() {
        @Override
        String format(ZonedDateTime value) {
            return IsoWrites.zonedDateTime(value);
        }

        @Override
        ZonedDateTime parse(String text) {
            ZonedDateTime read = IsoTexts.zonedDateTime(text);
            return read != null ? read : ZonedDateTime.parse(text);
        }
    };
    public static final ValueCodec<Duration> DURATION = new TextCodec<>() {
        @Override
        Duration parse(String text) {
            Duration read = IsoTexts.duration(text);
            return read != null ? read : Duration.parse(text);
        }
    };
    public static final ValueCodec<Period> PERIOD = new TextCodec<>() {
        @Override
        Period parse(String text) {
            Period read = IsoTexts.period(text);
            return read != null ? read : Period.parse(text);
        }
    };
    public static final ValueCodec<Year> YEAR = new TextCodec<>() {
        @Override
        Year parse(String text) {
            Year read = IsoTexts.year(text);
            return read != null ? read : Year.parse(text);
        }
    };
    public static final ValueCodec<YearMonth> YEAR_MONTH = new TextCodec<>() {
        @Override
        YearMonth parse(String text) {
            YearMonth read = IsoTexts.yearMonth(text);
            return read != null ? read : YearMonth.parse(text);
        }
    };
    public static final ValueCodec<ZoneId> ZONE_ID = new TextCodec<>() {
        @Override
        ZoneId parse(String text) {
            return RegionIds.of(text);
        }
    };

    private ValueCodecs() {}

    /** An enum constant by its {@link Enum#name() name}. */
    public static <E extends Enum<E>> ValueCodec<E> ofEnum(Class<E> type) {
        return new EnumCodec<>(type);
    }

    /** A list as a JSON array; read back as a mutable {@link java.util.ArrayList}. */
    public static <E> ValueCodec<List<E>> listOf(ValueCodec<E> element) {
        return new ArrayCodec<>(element, false);
    }

    /** A set as a JSON array in iteration order; read back as a mutable {@link java.util.LinkedHashSet}. */
    public static <E> ValueCodec<Set<E>> setOf(ValueCodec<E> element) {
        return new SetCodec<>(element);
    }

    /** A string-keyed map as a JSON object in iteration order; read back as a {@link java.util.LinkedHashMap}. */
    public static <V> ValueCodec<Map<String, V>> mapOf(ValueCodec<V> value) {
        return new MapCodec<>(value);
    }

    /** Any other type, through Jackson data binding with the {@link DataBinding shared mapper}. */
    public static <V> ValueCodec<V> bound(Class<V> type) {
        return new BoundCodec<>(DataBinding.mapper().constructType(type));
    }

    /** A generic type bound through Jackson, e.g. {@code new TypeReference<Optional<Money>>() {}}. */
    public static <V> ValueCodec<V> bound(TypeReference<V> type) {
        return new BoundCodec<>(DataBinding.mapper().constructType(type));
    }
}
