package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberMap} behaves as the {@code LinkedHashMap} Jackson puts under an {@code ObjectNode}:
 * random scripts of every {@code Map} operation run on both, every result and the iteration order
 * compared after each step, and the {@code ObjectNode}s over it equal, printed and copied as
 * Jackson's own.
 */
class MemberMapTest {

    /**
     * Keys across the switch from the linear search to the index, equal strings that are not the
     * same object, keys sharing one hash ({@code "Aa"} and {@code "BB"}, and their pairs) and null.
     */
    private static final List<String> KEYS = keys();

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add("k" + i);
        }
        keys.addAll(List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", ""));
        keys.add(null);
        return keys;
    }

    /** One step of a script: what it does, on which key, with which value, at which position. */
    record Step(int operation, int key, int value, int position, boolean copyKey) {

        String keyText() {
            String key = KEYS.get(this.key);
            // an equal key that is not the same object: found by equals, not identity
            return copyKey && key != null ? new String(key) : key;
        }

        JsonNode valueNode() {
            return value == 0 ? null : IntNode.valueOf(value);
        }
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, KEYS.size() - 1),
                        Arbitraries.integers().between(0, 12),
                        Arbitraries.integers().between(0, 40),
                        Arbitraries.of(false, true))
                .as(Step::new);
        return step.list().ofMaxSize(120);
    }

    @Property(tries = 2000)
    void everyOperationAgreesWithLinkedHashMap(@ForAll("scripts") List<Step> script,
            @ForAll @IntRange(min = 0, max = 24) int capacity) {
        MemberMap map = new MemberMap(capacity);
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (Step step : script) {
            assertEquals(run(step, expected, expected), run(step, map, expected), step::toString);
            assertAgree(expected, map, step.toString());
        }
    }

    /**
     * Runs a step on {@code map} and returns what it answered. {@code reference} is the
     * {@code LinkedHashMap} as it was before the step (the same object when {@code map} is it),
     * read only to choose what the step may do: an append only of an absent key.
     */
    private static Object run(Step step, Map<String, JsonNode> map, Map<String, JsonNode> reference) {
        String key = step.keyText();
        JsonNode value = step.valueNode();
        int size = map.size();
        switch (step.operation()) {
            case 0, 1, 2:
                return map.put(key, value);
            case 3:
                if (reference.containsKey(key)) {
                    return map.put(key, value);
                }
                if (map instanceof MemberMap members) {
                    members.append(key, value);
                    return null;
                }
                return map.put(key, value);
            case 4, 5:
                return map.get(key);
            case 6:
                return map.containsKey(key);
            case 7:
                return map.containsValue(value);
            case 8, 9:
                return map.remove(key);
            case 10: {
                if (size == 0) {
                    return null;
                }
                // the iterator's removal at a position, then the rest of the iteration
                Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
                int at = step.position() % size;
                List<Object> seen = new ArrayList<>();
                for (int i = 0; it.hasNext(); i++) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (i == at) {
                        it.remove();
                    } else {
                        seen.add(entry.getKey());
                    }
                }
                return seen;
            }
            case 11: {
                if (size == 0) {
                    return null;
                }
                Map.Entry<String, JsonNode> entry = entryAt(map, step.position() % size);
                return List.of(String.valueOf(entry.setValue(value)), String.valueOf(entry.getValue()),
                        entry.hashCode(), entry.toString(), entry.equals(Map.entry(entry.getKey() == null ? "" : entry.getKey(),
                                IntNode.valueOf(step.value()))));
            }
            case 12:
                return map.keySet().remove(key);
            case 13:
                return map.values().remove(value);
            case 14: {
                if (size == 0) {
                    return map.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(key, value));
                }
                Map.Entry<String, JsonNode> entry = entryAt(map, step.position() % size);
                // an equal entry of another map, then one with another value
                boolean other = map.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(entry.getKey(),
                        IntNode.valueOf(99)));
                return List.of(other, map.entrySet().remove(new java.util.AbstractMap.SimpleEntry<>(entry)));
            }
            case 15:
                return map.putIfAbsent(key, value);
            case 16: {
                Map<String, JsonNode> more = new LinkedHashMap<>();
                for (int i = 0; i < step.position() % 6; i++) {
                    more.put(KEYS.get((step.key() + i * 7) % KEYS.size()), IntNode.valueOf(i + step.value()));
                }
                map.putAll(more);
                return null;
            }
            case 17:
                if (step.position() % 5 == 0) {
                    map.clear();
                }
                return null;
            case 18:
                return List.of(map.keySet().removeIf(k -> k != null && k.length() == step.value() % 4),
                        map.values().removeIf(v -> v != null && v.intValue() == step.value()));
            case 19:
                return map.entrySet().contains(Map.entry(key == null ? "" : key, IntNode.valueOf(step.value())))
                        || map.keySet().contains(key) && map.values().contains(value);
            default:
                throw new IllegalArgumentException("operation " + step.operation());
        }
    }

    private static Map.Entry<String, JsonNode> entryAt(Map<String, JsonNode> map, int position) {
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        for (int i = 0; i < position; i++) {
            it.next();
        }
        return it.next();
    }

    /** The same members in the same order, by every way of reading them, and equal both ways. */
    private static void assertAgree(Map<String, JsonNode> expected, MemberMap map, String step) {
        assertEquals(expected.size(), map.size(), step);
        assertEquals(expected.isEmpty(), map.isEmpty(), step);
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(map.entrySet()), step);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()), step);
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(map.values()), step);
        for (String key : KEYS) {
            assertEquals(expected.get(key), map.get(key), step);
            assertEquals(expected.containsKey(key), map.containsKey(key), step);
        }
        assertEquals(expected, map, step);
        assertEquals(map, expected, step);
        assertEquals(expected.hashCode(), map.hashCode(), step);
        assertEquals(expected.toString(), map.toString(), step);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The members of an order export writes, as export writes them: into an object of {@code keys} room. */
    private static ObjectNode exported(int keys) {
        ObjectNode json = Capacities.objectNode(keys);
        fill(json);
        return json;
    }

    private static void fill(ObjectNode json) {
        json.put("uid", "o-1").put("qty", 3).putNull("note");
        for (int i = 0; i < 14; i++) {
            json.put("field" + i, i);
        }
        json.putObject("guest").put("name", "Ada").putArray("tags").add("vip");
    }

    private static ObjectNode byJackson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        fill(json);
        return json;
    }

    @Test
    void anExportedObjectEqualsJacksonsBothWaysAndPrintsTheSame() throws Exception {
        for (int keys : new int[] {0, 3, 8, 9, 17, 40}) {
            ObjectNode exported = exported(keys);
            ObjectNode jackson = byJackson();
            assertEquals(jackson, exported);
            assertEquals(exported, jackson);
            assertEquals(jackson.hashCode(), exported.hashCode());
            assertEquals(jackson.toString(), exported.toString());
            assertEquals(MAPPER.writeValueAsString(jackson), MAPPER.writeValueAsString(exported));
            assertEquals(jackson.toPrettyString(), exported.toPrettyString());
            assertEquals(jackson, MAPPER.readTree(MAPPER.writeValueAsString(exported)));
        }
    }

    @Test
    void anObjectWithTheSameMembersInAnotherOrderIsEqualAsJacksonsAre() {
        ObjectNode exported = Capacities.objectNode(2).put("a", 1).put("b", 2);
        ObjectNode jackson = JsonNodeFactory.instance.objectNode().put("b", 2).put("a", 1);
        assertEquals(jackson, exported);
        assertEquals(exported, jackson);
        assertEquals(jackson.hashCode(), exported.hashCode());
        assertNotEquals(jackson.put("a", 5), exported);
        assertNotEquals(exported, jackson);
    }

    @Test
    void changesThroughObjectNodeKeepJacksonsOrder() {
        ObjectNode exported = exported(4);
        ObjectNode jackson = byJackson();
        for (ObjectNode json : List.of(exported, jackson)) {
            json.put("qty", 4);
            json.remove("uid");
            json.set("uid", IntNode.valueOf(7));
            json.remove(List.of("field3", "field9", "absent"));
            json.without("field0");
            json.retain("qty", "uid", "guest", "note", "field1", "field2", "field13");
            json.putIfAbsent("qty", IntNode.valueOf(0));
            json.putIfAbsent("new", IntNode.valueOf(1));
            json.withObject("/added/inner").put("x", 1);
            json.replace("field1", IntNode.valueOf(11));
            json.setAll(Map.of("field2", IntNode.valueOf(22)));
            json.properties().removeIf(e -> e.getKey().equals("field13"));
            json.removeNulls();
        }
        assertEquals(jackson.toString(), exported.toString());
        assertEquals(jackson, exported);
        List<String> names = new ArrayList<>();
        exported.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("qty", "field1", "field2", "guest", "uid", "new", "added"), names);
    }

    @Test
    void aDeepCopyIsEqualAndIndependent() {
        ObjectNode exported = exported(20);
        ObjectNode copy = exported.deepCopy();
        assertEquals(exported, copy);
        assertEquals(byJackson().toString(), copy.toString());
        assertNotSame(exported.get("guest"), copy.get("guest"));
        copy.put("qty", 99);
        ((ObjectNode) copy.get("guest")).put("name", "Bo");
        assertEquals(3, exported.get("qty").intValue());
        assertEquals("Ada", exported.get("guest").get("name").textValue());
    }

    @Test
    void anExportedObjectSurvivesJavaSerialisation() throws Exception {
        ObjectNode exported = exported(5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(exported);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(exported, in.readObject());
        }
    }

    @Test
    void anIteratorFailsFastOnAnAddedMemberAndEntriesOfRemovedMembersRefuseValues() {
        MemberMap map = new MemberMap(2);
        map.put("a", IntNode.valueOf(1));
        map.put("b", IntNode.valueOf(2));
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        Map.Entry<String, JsonNode> a = it.next();
        map.put("a", IntNode.valueOf(3)); // a new value is no change of structure
        assertEquals(IntNode.valueOf(3), a.setValue(IntNode.valueOf(6)));
        assertEquals(IntNode.valueOf(6), map.get("a"));
        it.next();
        map.put("c", IntNode.valueOf(4));
        assertThrows(ConcurrentModificationException.class, it::next);
        map.remove("a");
        assertThrows(IllegalStateException.class, () -> a.setValue(IntNode.valueOf(5)));
        Iterator<Map.Entry<String, JsonNode>> again = map.entrySet().iterator();
        assertThrows(IllegalStateException.class, again::remove);
        again.next();
        again.remove();
        assertThrows(IllegalStateException.class, again::remove);
        assertEquals(Set.of("c"), map.keySet());
    }
}
