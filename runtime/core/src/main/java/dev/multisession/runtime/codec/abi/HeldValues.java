package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a field already holds what a JSON node says, checked on the node without reading it
 * into a new value. An update sends a model's whole state, and most of its collections are
 * unchanged: reading each into a new map, set or list only to find it equal to the current one
 * was most of applying such a model. A true answer means that reading the node would give a
 * value the codec calls {@linkplain ValueCodec#same the same}; false means only "read it and
 * compare" (the check is exact for strings, ints, longs and booleans, and for maps, sets and
 * lists of them; other values are always read).
 */
final class HeldValues {

    private HeldValues() {}

    /** A codec that can tell whether a current value equals a node's content without reading it. */
    interface Check<V> {
        boolean holds(JsonNode node, V current);
    }

    @SuppressWarnings("unchecked")
    static <V> boolean holds(ValueCodec<V> codec, JsonNode node, V current) {
        if (current == null) {
            return false;
        }
        if (codec instanceof Check<?> check) {
            return ((Check<V>) check).holds(node, current);
        }
        if (codec == ValueCodecs.STRING) {
            return node.isTextual() && node.textValue().equals(current);
        }
        if (codec == ValueCodecs.INT) {
            return node.isInt() && node.intValue() == (Integer) current;
        }
        if (codec == ValueCodecs.LONG) {
            return (node.isInt() || node.isLong()) && node.longValue() == (Long) current;
        }
        if (codec == ValueCodecs.BOOLEAN) {
            return node.isBoolean() && node.booleanValue() == (Boolean) current;
        }
        return false;
    }
}
