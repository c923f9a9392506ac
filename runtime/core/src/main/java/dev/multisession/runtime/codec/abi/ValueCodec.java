package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Converts one kind of field value to JSON and back. Generated codecs keep one per synced
 * value field in a constant, so converting costs no lookup and no reflection.
 *
 * @param <V> the Java type of the value
 */
public interface ValueCodec<V> {

    /** The value as JSON; {@code null} becomes JSON null. */
    JsonNode toJson(V value);

    /**
     * The value a JSON node holds; JSON null gives {@code null}.
     *
     * @param key the JSON key the node was read from, named in the error message
     * @throws IllegalArgumentException if the node has the wrong JSON type for this value
     */
    V fromJson(JsonNode node, String key);

    /**
     * Whether two values are the same for sync purposes: apply reports a key as changed only when
     * they are not. Arrays compare by content, {@code BigDecimal}s by numeric value.
     */
    default boolean same(V a, V b) {
        return Objects.deepEquals(a, b);
    }
}
