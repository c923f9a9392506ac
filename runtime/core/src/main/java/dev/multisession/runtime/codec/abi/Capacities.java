package dev.multisession.runtime.codec.abi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;

/**
 * Hash-based collections and JSON objects made with room for the entries they are about to get.
 * Jackson's {@code objectNode()} starts with the map's default 16 buckets: an object of more than
 * twelve keys grew its table once while export filled it, and one of two keys still allocated the
 * sixteen.
 */
final class Capacities {

    private Capacities() {}

    /** The initial capacity of a {@code HashMap} or {@code HashSet} that takes {@code entries} without growing. */
    static int forEntries(int entries) {
        // the default load factor, 0.75: the table grows past three quarters of its size
        return (int) Math.min(Integer.MAX_VALUE, (entries * 4L + 2) / 3);
    }

    /** An empty JSON object whose map takes {@code keys} keys without growing. */
    static ObjectNode objectNode(int keys) {
        return new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(forEntries(keys)));
    }
}
