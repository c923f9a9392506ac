package dev.multisession.runtime.codec;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mapper that binds synced field types the codecs have no built-in conversion for.
 * It is shared so that such types are bound the same way everywhere, and their Jackson
 * annotations ({@code @JsonProperty}, {@code @JsonCreator} …) are honoured.
 */
public final class DataBinding {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private DataBinding() {}

    /** The shared mapper; configure nothing on it, it is used concurrently. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
