package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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

    // What generated code calls for a field of this type, one line per field. They are instance methods of a
    // generic interface, not generic static methods: javac resolves a call on a ValueCodec<String> constant
    // without type inference, which a generic method taking a lambda made it do at every field. Each is at
    // most 35 bytes of bytecode (-XX:MaxInlineSize), so the JIT inlines it wherever the codec is a constant.

    /**
     * Initialises a field reached directly: {@code model.note = ValueCodecs.STRING.init(json, "note", model.note)}.
     *
     * @param json the model as JSON
     * @param key the field's JSON key
     * @param current the field's value
     * @return the value under {@code key}, or {@code current} when {@code json} lacks the key
     */
    default V init(JsonNode json, String key, V current) {
        JsonNode node = json.get(key);
        return node == null ? current : fromJson(node, key);
    }

    /**
     * Initialises a field through its setter, which is called only when {@code json} has the key.
     *
     * @param json the model as JSON
     * @param key the field's JSON key
     * @param setter sets the field
     */
    default void initWith(JsonNode json, String key, Consumer<? super V> setter) {
        JsonNode node = json.get(key);
        if (node != null) {
            setter.accept(fromJson(node, key));
        }
    }

    /**
     * Applies a field reached directly: {@code model.note = ValueCodecs.STRING.apply(data, "note", model.note,
     * changed)}; adds the key to {@code changed} when the value differs ({@link #same}).
     *
     * @param data a partial update
     * @param key the field's JSON key
     * @param current the field's value
     * @param changed the keys that changed
     * @return the new value, or {@code current} itself when the key is absent or the value the same
     */
    default V apply(JsonNode data, String key, V current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : ValueChanges.changed(fromJson(node, key), current, this, key, changed);
    }

    /**
     * Applies a field through its setter, which is called only when the key is present and the value differs.
     *
     * @param data a partial update
     * @param key the field's JSON key
     * @param current the field's value
     * @param setter sets the field
     * @param changed the keys that changed
     */
    default void applyWith(JsonNode data, String key, V current, Consumer<? super V> setter, Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            ValueChanges.set(fromJson(node, key), current, this, setter, key, changed);
        }
    }
}
