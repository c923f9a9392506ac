package dev.multisession.runtime.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisession.runtime.json.JsonMappers;

/**
 * The Jackson mapper that binds synced field types the codecs have no built-in conversion for.
 * It is shared so that such types are bound the same way everywhere, and their Jackson
 * annotations ({@code @JsonProperty}, {@code @JsonCreator} …) are honoured.
 */
public final class DataBinding {

    private static final ObjectMapper MAPPER = JsonMappers.dataBinding();

    private DataBinding() {}

    /** The shared mapper; configure nothing on it, it is used concurrently. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
