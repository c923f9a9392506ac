package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Applying a map, set or list field: an unchanged collection is kept (the field's own instance, no
 * key reported) whether or not the JSON lists it in the field's iteration order, and a changed one is
 * replaced by the collection read from the JSON, exactly as reading it whole and comparing gives.
 */
class CollectionApplyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValueCodec<Map<String, Integer>> MAP = ValueCodecs.mapOf(ValueCodecs.INT);
    private static final ValueCodec<Set<String>> SET = ValueCodecs.setOf(ValueCodecs.STRING);
    private static final ValueCodec<List<BigDecimal>> LIST = ValueCodecs.listOf(ValueCodecs.BIG_DECIMAL);

    private static ObjectNode data(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    /** Decimals as written, scale and all (a parser might read {@code 2.50} as a double). */
    private static ObjectNode decimals(String... values) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode array = data.putArray("l");
        for (String value : values) {
            array.add(DecimalNode.valueOf(new BigDecimal(value)));
        }
        return data;
    }

    private static Map<String, Integer> map(Object... entries) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Integer) entries[i + 1]);
        }
        return map;
    }

    @Test
    void anUnchangedMapIsKeptInAnyOrder() throws Exception {
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Integer> current = map("size", 1, "spice", null);
        assertSame(current, MAP.apply(data("{'m':{'size':1,'spice':null}}"), "m", current, changed));
        assertSame(current, MAP.apply(data("{'m':{'spice':null,'size':1}}"), "m", current, changed));
        Map<String, Integer> hashed = new HashMap<>(map("a", 1, "b", 2, "c", 3, "d", 4));
        assertSame(hashed, MAP.apply(data("{'m':{'d':4,'c':3,'b':2,'a':1}}"), "m", hashed, changed));
        assertSame(hashed, MAP.apply(data("{'m':{'a':1,'b':2,'c':3,'d':4}}"), "m", hashed, changed));
        assertEquals(Set.of(), changed);
    }

    @Test
    void aChangedMapIsTheMapReadFromTheJson() throws Exception {
        for (String json : List.of("{'m':{'size':1,'spice':3}}", "{'m':{'size':2,'spice':null}}",
                "{'m':{'size':1,'hot':null}}", "{'m':{'size':1}}", "{'m':{'size':1,'spice':null,'hot':1}}",
                "{'m':{'spice':null,'size':1.0}}")) {
            Set<String> changed = new LinkedHashSet<>();
            Map<String, Integer> current = map("size", 1, "spice", null);
            JsonNode data = data(json);
            Map<String, Integer> read = MAP.fromJson(data.get("m"), "m");
            Map<String, Integer> applied = MAP.apply(data, "m", current, changed);
            if (read.equals(current)) {
                assertSame(current, applied, json);
                assertEquals(Set.of(), changed, json);
            } else {
                assertEquals(read, applied, json);
                assertEquals(List.copyOf(read.keySet()), List.copyOf(applied.keySet()), json);
                assertEquals(Set.of("m"), changed, json);
            }
        }
    }

    @Test
    void aSetIsKeptWhenItHasTheSameElementsAndReplacedOtherwise() throws Exception {
        Set<String> changed = new LinkedHashSet<>();
        Set<String> current = new LinkedHashSet<>(List.of("no onions", "well done"));
        assertSame(current, SET.apply(data("{'s':['no onions','well done']}"), "s", current, changed));
        assertSame(current, SET.apply(data("{'s':['well done','no onions']}"), "s", current, changed));
        Set<String> hashed = new HashSet<>(List.of("a", "b", "c", "d", "e"));
        assertSame(hashed, SET.apply(data("{'s':['e','d','c','b','a']}"), "s", hashed, changed));
        assertEquals(Set.of(), changed);
        // repeats: the same size as the set, not the same elements
        Set<String> repeated = SET.apply(data("{'s':['no onions','no onions']}"), "s", current, changed);
        assertEquals(new LinkedHashSet<>(List.of("no onions")), repeated);
        assertEquals(Set.of("s"), changed);
        Set<String> single = new LinkedHashSet<>(List.of("no onions"));
        changed.clear();
        assertSame(single, SET.apply(data("{'s':['no onions','no onions']}"), "s", single, changed));
        assertEquals(Set.of(), changed);
        Set<String> other = SET.apply(data("{'s':['no onions','rare']}"), "s", current, changed);
        assertEquals(List.of("no onions", "rare"), new ArrayList<>(other));
        assertNotSame(current, other);
    }

    @Test
    void aListComparesItsElementsByEqualsAsListsDo() throws Exception {
        Set<String> changed = new LinkedHashSet<>();
        List<BigDecimal> current = new ArrayList<>(List.of(new BigDecimal("2.50"), BigDecimal.ONE));
        assertSame(current, LIST.apply(decimals("2.50", "1"), "l", current, changed));
        assertEquals(Set.of(), changed);
        // another scale is another list, as List.equals says (the field's value comparison is the list's)
        List<BigDecimal> rescaled = LIST.apply(decimals("2.5", "1"), "l", current, changed);
        assertEquals(List.of(new BigDecimal("2.5"), BigDecimal.ONE), rescaled);
        assertEquals(Set.of("l"), changed);
        changed.clear();
        assertEquals(List.of(BigDecimal.ONE, new BigDecimal("2.50")),
                LIST.apply(decimals("1", "2.50"), "l", current, changed));
        assertEquals(Set.of("l"), changed);
    }

    @Test
    void nullsAndErrorsAreAsBefore() throws Exception {
        Set<String> changed = new LinkedHashSet<>();
        Map<String, Integer> current = map("size", 1, "spice", 2);
        assertNull(MAP.apply(data("{'m':null}"), "m", current, changed));
        assertEquals(map("size", 1), MAP.apply(data("{'m':{'size':1}}"), "m", null, changed));
        assertEquals(Set.of("m"), changed);
        ValueError error = assertThrows(ValueError.class,
                () -> MAP.apply(data("{'m':{'size':1,'spice':'hot'}}"), "m", current, new LinkedHashSet<>()));
        ValueError read = assertThrows(ValueError.class,
                () -> MAP.fromJson(data("{'m':{'size':1,'spice':'hot'}}").get("m"), "m"));
        assertEquals(read.getMessage(), error.getMessage());
        Set<String> set = new LinkedHashSet<>(List.of("a", "b"));
        assertEquals(assertThrows(ValueError.class, () -> SET.fromJson(data("{'s':['a',1]}").get("s"), "s"))
                .getMessage(), assertThrows(ValueError.class,
                        () -> SET.apply(data("{'s':['a',1]}"), "s", set, new LinkedHashSet<>())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SET.apply(data("{'s':{'a':1}}"), "s", set, changed));
    }

    @Test
    void aSetterIsCalledOnlyForAChangedCollection() throws Exception {
        Set<String> changed = new LinkedHashSet<>();
        AtomicReference<Object> set = new AtomicReference<>();
        Map<String, Integer> map = map("size", 1);
        MAP.applyWith(data("{'m':{'size':1}}"), "m", map, set::set, changed);
        SET.applyWith(data("{'s':['a']}"), "s", new LinkedHashSet<>(List.of("a")), set::set, changed);
        LIST.applyWith(data("{'l':[1]}"), "l", new ArrayList<>(List.of(BigDecimal.ONE)), set::set, changed);
        assertNull(set.get());
        assertEquals(Set.of(), changed);
        MAP.applyWith(data("{'m':{'size':2}}"), "m", map, set::set, changed);
        assertEquals(map("size", 2), set.get());
        SET.applyWith(data("{'s':['b']}"), "s", new LinkedHashSet<>(List.of("a")), set::set, changed);
        assertEquals(Set.of("b"), set.get());
        LIST.applyWith(data("{'l':[2]}"), "l", new ArrayList<>(List.of(BigDecimal.ONE)), set::set, changed);
        assertEquals(List.of(BigDecimal.valueOf(2)), set.get());
        assertEquals(List.of("m", "s", "l"), new ArrayList<>(changed));
    }
}
