package dev.multisession.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The protocol's and the stored rows' mappers write and read instants exactly as JavaTimeModule
 * does: each is compared with a copy of itself on which JavaTimeModule's own {@code Instant}
 * serializer and deserializer are registered last, so that they, not the ISO texts, handle
 * instants there, and with a mapper that has JavaTimeModule alone.
 */
public class IsoInstantJsonTest {

    record Stamp(Instant time) {}

    record Formatted(@JsonFormat(shape = JsonFormat.Shape.NUMBER) Instant number,
            @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant pattern,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant string) {}

    private static final JsonMapper JAVA_TIME_ONLY = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final List<JsonMapper> MAPPERS = List.of(JsonMappers.protocol(), JsonMappers.storedRows());

    @Test
    void randomInstantsAreWrittenAndReadAsJavaTimeModuleDoes() throws Exception {
        List<Instant> instants = IsoSamples.instants(new Random(17), 20_000);
        for (JsonMapper mapper : MAPPERS) {
            JsonMapper reference = javaTimeInstants(mapper);
            for (Instant instant : instants) {
                String text = mapper.writeValueAsString(instant);
                assertEquals(reference.writeValueAsString(instant), text);
                assertEquals(JAVA_TIME_ONLY.writeValueAsString(instant), text);
                String stamp = mapper.writeValueAsString(new Stamp(instant));
                assertEquals(reference.writeValueAsString(new Stamp(instant)), stamp);
                assertEquals(instant, mapper.readValue(text, Instant.class));
                assertEquals(reference.readValue(text, Instant.class), mapper.readValue(text, Instant.class));
                assertEquals(JAVA_TIME_ONLY.readValue(text, Instant.class), mapper.readValue(text, Instant.class));
                assertEquals(new Stamp(instant), mapper.readValue(stamp, Stamp.class));
            }
        }
    }

    @Test
    void edgeAndMalformedInputsGiveJavaTimeModulesValueOrFailure() throws Exception {
        List<String> texts = new ArrayList<>(List.of("2025-03-14T19:21:07Z", "2025-03-14T19:21Z", "2025-03-14T19:21:00Z",
                "2025-03-14T19:21:07+01:00", "2025-03-14T19:21:07-05:30", "2025-03-14T19:21:07+00:00",
                "2025-03-14T19:21:07+0000", "2025-03-14T19:21:07+00", "2025-03-14T19:21:07-00:00",
                "2025-03-14T19:21:07z", "2025-03-14t19:21:07Z", "2025-03-14 19:21:07Z", "2025-03-14T23:59:60Z",
                "2025-03-14T23:59:60.5Z", "2025-03-14T12:59:60Z", "2025-03-14T24:00:00Z", "2025-03-14T24:00:01Z",
                "+10000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "-10000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+1000000000-12-31T23:59:59.999999999Z",
                "-1000000000-01-01T00:00:00Z", "+1000000001-01-01T00:00:00Z", "+2025-03-14T19:21:07Z",
                "2025-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-00-01T00:00:00Z",
                "2025-03-32T00:00:00Z", "2025-03-14T19:60:00Z", "2025-03-14T19:21:07", "2025-03-14", "19:21:07Z",
                "2025-03-14T19:21:07.Z", "2025-03-14T19:21:07,5Z", "2025-03-14T19:21:07.1234567890Z",
                "2025-03-14T19:21:07.-1Z", "2025-03-14T19:21:07ZZ", "2025-3-14T19:21:07Z", "2025-03-14T9:21:07Z",
                "２０２５-03-14T19:21:07Z", "", " ", "  2025-03-14T19:21:07Z ", "\t2025-03-14T19:21:07Z", "garbage",
                "Z", "T", "1700000000", "1700000000.5", "-5", "0", "1.2.3", "1e3"));
        for (int digits = 1; digits <= 9; digits++) {
            texts.add("2025-03-14T19:21:07." + "123456789".substring(0, digits) + "Z");
            texts.add("2025-03-14T19:21:07." + "000000000".substring(0, digits) + "Z");
        }
        List<String> json = new ArrayList<>();
        texts.forEach(text -> json.add(quoted(text)));
        json.addAll(List.of("1700000000", "1700000000123", "-1", "0", "1.5", "-1.5", "1e3", "1700000000.123456789",
                "123456789012345678901234567890", "true", "false", "null", "{}", "{\"a\":1}", "[]",
                "[\"2025-03-14T19:21:07Z\"]", "[1700000000]"));
        for (JsonMapper mapper : MAPPERS) {
            JsonMapper reference = javaTimeInstants(mapper);
            for (String value : json) {
                assertEquals(outcome(reference, value, Instant.class), outcome(mapper, value, Instant.class), value);
                String stamp = "{\"time\":" + value + "}";
                assertEquals(outcome(reference, stamp, Stamp.class), outcome(mapper, stamp, Stamp.class), stamp);
            }
        }
    }

    @Test
    void alteredTextsGiveJavaTimeModulesValueOrFailure() throws Exception {
        Random random = new Random(23);
        String alphabet = "0123456789:-+.TZtz ,";
        for (JsonMapper mapper : MAPPERS) {
            JsonMapper reference = javaTimeInstants(mapper);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder(Instant.ofEpochSecond(
                        random.nextLong() % 400_000_000_000L, IsoSamples.nanos(random)).toString());
                int changes = 1 + random.nextInt(2);
                for (int c = 0; c < changes; c++) {
                    int at = random.nextInt(text.length());
                    char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> text.setCharAt(at, replacement);
                        case 1 -> text.insert(at, replacement);
                        default -> text.deleteCharAt(at);
                    }
                }
                String value = quoted(text.toString());
                assertEquals(outcome(reference, value, Instant.class), outcome(mapper, value, Instant.class), value);
            }
        }
    }

    @Test
    void instantsAreReadAndWrittenByTheIsoTextsAndTheReferenceByJavaTimeModule() throws Exception {
        for (JsonMapper mapper : MAPPERS) {
            assertInstanceOf(IsoInstantSerializer.class,
                    mapper.getSerializerProviderInstance().findValueSerializer(Instant.class));
            assertInstanceOf(IsoInstantDeserializer.class, rootDeserializer(mapper));
            JsonMapper reference = javaTimeInstants(mapper);
            assertInstanceOf(InstantSerializer.class,
                    reference.getSerializerProviderInstance().findValueSerializer(Instant.class));
            assertInstanceOf(InstantDeserializer.class, rootDeserializer(reference));
        }
    }

    @Test
    void aPropertysOwnFormatIsLeftToJavaTimeModule() throws Exception {
        Instant instant = Instant.parse("2026-12-03T16:21:07.250Z");
        Formatted formatted = new Formatted(instant, instant.minusNanos(250_000_000), instant);
        for (JsonMapper mapper : MAPPERS) {
            JsonMapper reference = javaTimeInstants(mapper);
            String text = mapper.writeValueAsString(formatted);
            assertEquals(reference.writeValueAsString(formatted), text);
            assertEquals(reference.readValue(text, Formatted.class), mapper.readValue(text, Formatted.class));
            String other = "{\"number\":\"2026-12-03T16:21:07Z\",\"pattern\":\"2026-12-03T16:21:07Z\","
                    + "\"string\":1700000000}";
            assertEquals(outcome(reference, other, Formatted.class), outcome(mapper, other, Formatted.class));
        }
    }

    private static Object rootDeserializer(JsonMapper mapper) throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig());
        return context.findRootValueDeserializer(mapper.constructType(Instant.class));
    }

    /** The mapper's copy with JavaTimeModule's own instant serializer and deserializer registered last. */
    public static JsonMapper javaTimeInstants(JsonMapper mapper) {
        JsonMapper copy = mapper.copy();
        copy.registerModule(new SimpleModule("java-time-instants")
                .addSerializer(Instant.class, InstantSerializer.INSTANCE)
                .addDeserializer(Instant.class, InstantDeserializer.INSTANT));
        return copy;
    }

    /** The value read, or the class and message of the failure. */
    private static String outcome(JsonMapper mapper, String json, Class<?> type) {
        try {
            return "read " + mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            return "failed " + e.getClass().getName() + ": " + e.getOriginalMessage();
        }
    }

    private static String quoted(String text) {
        return '"' + text.replace("\t", "\\t") + '"';
    }

}
