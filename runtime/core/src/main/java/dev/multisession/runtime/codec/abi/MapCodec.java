package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    /** One value; its path ({@code key.name}) is only put together when it cannot be read, as in {@link ArrayCodec}. */
    private V readValue(Map.Entry<String, JsonNode> entry, String key) {
        try {
            return value.fromJson(entry.getValue(), key);
        } catch (ValueError e) {
            throw e.within(key, "." + entry.getKey());
        }
    }
}
