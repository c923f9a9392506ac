package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A value the field holds already is not read again, and apply decides exactly as when it is. */
class HeldValuesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ValueCodec<Map<String, Integer>> COUNTS = ValueCodecs.mapOf(ValueCodecs.INT);
    private static final ValueCodec<Set<String>> LABELS = ValueCodecs.setOf(ValueCodecs.STRING);
    private static final ValueCodec<List<Long>> NUMBERS = ValueCodecs.listOf(ValueCodecs.LONG);
    private static final ValueCodec<Map<String, Set<String>>> NESTED = ValueCodecs.mapOf(LABELS);

    @Test
    void anExportedValueIsHeldAndReadsBackEqual() {
        Map<String, Integer> counts = new LinkedHashMap<>(Map.of("a", 1, "b", 2));
        Set<String> labels = new LinkedHashSet<>(List.of("vip", "window"));
        List<Long> numbers = new ArrayList<>(List.of(1L, 2L, 2L));
        Map<String, Set<String>> nested = new LinkedHashMap<>(Map.of("x", labels));
        assertHeld(COUNTS, counts);
        assertHeld(LABELS, labels);
        assertHeld(NUMBERS, numbers);
        assertHeld(NESTED, nested);
        assertTrue(HeldValues.holds(ValueCodecs.STRING, NODES.textNode("a"), "a"));
        assertTrue(HeldValues.holds(ValueCodecs.BOOLEAN, NODES.booleanNode(true), true));
    }

    @Test
    void anyDifferenceIsReadAndCompared() {
        Map<String, Integer> counts = Map.of("a", 1, "b", 2);
        assertFalse(HeldValues.holds(COUNTS, COUNTS.toJson(Map.of("a", 1, "b", 3)), counts));
        assertFalse(HeldValues.holds(COUNTS, COUNTS.toJson(Map.of("a", 1, "c", 2)), counts));
        assertFalse(HeldValues.holds(COUNTS, COUNTS.toJson(Map.of("a", 1)), counts));
        Set<String> labels = new LinkedHashSet<>(List.of("a", "b"));
        // the same elements twice is a set of one, not the set held
        assertFalse(HeldValues.holds(LABELS, NODES.arrayNode().add("a").add("a"), labels));
        assertFalse(HeldValues.holds(NUMBERS, NODES.arrayNode().add(1L).add(2.5), List.of(1L, 2L)));
        assertFalse(HeldValues.holds(NUMBERS, NODES.textNode("1"), List.of(1L)));
        assertFalse(HeldValues.holds(ValueCodecs.INT, NODES.numberNode(1L << 40), 0));
        assertFalse(HeldValues.holds(ValueCodecs.BIG_DECIMAL, NODES.numberNode(java.math.BigDecimal.ONE),
                java.math.BigDecimal.ONE));
    }

    @Test
    void applyKeepsAHeldValueAndReplacesAChangedOne() {
        Set<String> labels = new LinkedHashSet<>(List.of("vip", "window"));
        AtomicReference<Set<String>> field = new AtomicReference<>(labels);
        Set<String> changed = new HashSet<>();
        ObjectNode data = NODES.objectNode();
        data.set("labels", NODES.arrayNode().add("vip").add("window"));
        ValueUpdates.apply(data, "labels", LABELS, field.get(), field::set, changed);
        assertSame(labels, field.get());
        assertEquals(Set.of(), changed);

        // another order is the same set: read, compared, and not a change
        data.set("labels", NODES.arrayNode().add("window").add("vip"));
        ValueUpdates.apply(data, "labels", LABELS, field.get(), field::set, changed);
        assertSame(labels, field.get());
        assertEquals(Set.of(), changed);

        data.set("labels", NODES.arrayNode().add("vip"));
        ValueUpdates.apply(data, "labels", LABELS, field.get(), field::set, changed);
        assertEquals(Set.of("vip"), field.get());
        assertEquals(Set.of("labels"), changed);
    }

    @Test
    void aWrongNodeIsStillRefused() {
        ObjectNode data = NODES.objectNode();
        data.set("counts", NODES.objectNode().put("a", "one"));
        Map<String, Integer> counts = Map.of("a", 1);
        assertThrows(IllegalArgumentException.class,
                () -> ValueUpdates.apply(data, "counts", COUNTS, counts, v -> {}, new HashSet<>()));
    }

    private static <V> void assertHeld(ValueCodec<V> codec, V value) {
        JsonNode json = codec.toJson(value);
        assertTrue(HeldValues.holds(codec, json, value), () -> "not held: " + json);
        assertTrue(codec.same(codec.fromJson(json, "k"), value));
    }
}
