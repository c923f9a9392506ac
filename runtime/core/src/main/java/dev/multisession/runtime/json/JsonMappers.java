package dev.multisession.runtime.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/**
 * Makes the Jackson mappers of the project; each kind's settings are stated here and nowhere
 * else. Every call returns a new mapper: callers keep theirs in a constant and never change
 * its configuration after that, since mappers are used from many threads.
 */
public final class JsonMappers {

    /** Deepest JSON nesting a protocol message or stored row may have; orders are a few levels deep. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Deepest nesting of a stored row read back: twice what a message may carry. */
    public static final int MAX_STORED_NESTING_DEPTH = 2 * MAX_NESTING_DEPTH;

    private JsonMappers() {}

    /**
     * For protocol messages and the rows the stores write: strict types ({@code "5"} is not a
     * number, {@code 5} is not a string, {@code 1.5} is not a long), no missing creator
     * members, no member twice in one object, no trailing tokens, no NaN, decimals read
     * exactly as {@link java.math.BigDecimal} with their scale ({@code 12.50} stays {@code 12.50}),
     * times as ISO-8601 strings, nesting bounded by {@link #MAX_NESTING_DEPTH}. Unknown members
     * are ignored, so newer peers may add some.
     */
    public static JsonMapper protocol() {
        return strict(MAX_NESTING_DEPTH, true);
    }

    /**
     * For reading back what the hub stored: the protocol's settings with limits at least as wide
     * as those that admitted the data (nesting {@link #MAX_STORED_NESTING_DEPTH}), and a member
     * that appears twice (a row edited by hand) read as its last value rather than making the
     * row unreadable.
     */
    public static JsonMapper storedRows() {
        return strict(MAX_STORED_NESTING_DEPTH, false);
    }

    private static JsonMapper strict(int nesting, boolean refuseDuplicates) {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(isoInstants())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, refuseDuplicates)
                // 12.50 stays 12.50 on the wire, in the hub's state and in storage: money keeps its scale
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(nesting).build());
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        return mapper;
    }

    /**
     * Instants (every event's author carries one) written and read as JavaTimeModule does, without
     * the JDK's formatter on the common path; registered after JavaTimeModule, so they take its
     * place for {@code Instant}, and hand it every input they do not read themselves.
     */
    private static SimpleModule isoInstants() {
        return new SimpleModule("multisession-iso-instants")
                .addSerializer(Instant.class, new IsoInstantSerializer())
                .addDeserializer(Instant.class, IsoInstantDeserializer.create());
    }

    /**
     * For synced field types without a built-in conversion, bound by Jackson data binding:
     * their Jackson annotations are honoured, times and durations are ISO-8601 strings, unknown
     * members are ignored (a newer terminal's value type may have more), and a decimal keeps
     * its scale ({@code 12.50} stays {@code 12.50}).
     */
    public static JsonMapper dataBinding() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** For files people read and edit (token files, reports): indented output, otherwise Jackson's defaults. */
    public static JsonMapper files() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }
}
