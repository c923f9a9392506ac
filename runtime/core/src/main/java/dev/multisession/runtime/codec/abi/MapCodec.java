package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/** A string-keyed map as a JSON object in iteration order; read back as a {@link LinkedHashMap}. */
final class MapCodec<V> implements ValueCodec<Map<String, V>> {

    private final ValueCodec<V> value;

    MapCodec(ValueCodec<V> value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonNode toJson(Map<String, V> map) {
        if (map == null) {
            return NullNode.getInstance();
        }
        ObjectNode object = Capacities.objectNode(map.size());
        for (Map.Entry<String, V> entry : map.entrySet()) {
            object.set(entry.getKey(), value.toJson(entry.getValue()));
        }
        return object;
    }

    @Override
    public Map<String, V> fromJson(JsonNode node, String key) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ValueErrors.wrongType(key, "an object", node);
        }
        Map<String, V> map = new LinkedHashMap<>(Capacities.forEntries(node.size()));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), readValue(entry, key));
        }
        return map;
    }

    /** Never an array: {@code equals}, without the array checks of the default's {@code deepEquals}. */
    @Override
    public boolean same(Map<String, V> a, Map<String, V> b) {
        return Objects.equals(a, b);
    }

    /** {@inheritDoc} The node is read into a new map only when it does not hold the current one ({@link #readOver}). */
    @Override
    public Map<String, V> apply(JsonNode data, String key, Map<String, V> current, Set<String> changed) {
        JsonNode node = data.get(key);
        return node == null ? current : ValueChanges.changed(readOver(node, key, current), current, this, key, changed);
    }

    /** {@inheritDoc} The node is read into a new map only when it does not hold the current one ({@link #readOver}). */
    @Override
    public void applyWith(JsonNode data, String key, Map<String, V> current, Consumer<? super Map<String, V>> setter,
            Set<String> changed) {
        JsonNode node = data.get(key);
        if (node != null) {
            ValueChanges.set(readOver(node, key, current), current, this, setter, key, changed);
        }
    }

    /**
     * {@code current} itself when the node has its entries in its iteration order, each value read
     * equal to the one held (so that the map read from it would be equal); otherwise the map read
     * from the node. Each value is read once while it matches, with no map made: an update sends
     * the model's every map, and most are unchanged. At the first difference the whole node is
     * read as {@link #fromJson} reads it, so a changed map is the same new map as before.
     */
    Map<String, V> readOver(JsonNode node, String key, Map<String, V> current) {
        if (current == null || !node.isObject() || node.size() != current.size()) {
            return fromJson(node, key);
        }
        Iterator<Map.Entry<String, V>> held = current.entrySet().iterator();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Map.Entry<String, V> heldEntry = held.next();
            if (!entry.getKey().equals(heldEntry.getKey()) || !Objects.equals(readValue(entry, key), heldEntry.getValue())) {
                return fromJson(node, key);
            }
        }
        return current;
    }

    /** One value; its path ({@code key.name}) is only put together when it cannot be read, as in {@link ArrayCodec}. */
    private V readValue(Map.Entry<String, JsonNode> entry, String key) {
        try {
            return value.fromJson(entry.getValue(), key);
        } catch (ValueError e) {
            throw e.within(key, "." + entry.getKey());
        }
    }
}
