package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The per-field calls of generated codecs: a field reached directly stores what the call returns, so
 * an absent key or an equal value must give back the current value itself; a setter is called only
 * for a present key and, on apply, a different value.
 */
class FieldUpdatesTest {

    private static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void aDirectFieldKeepsItsValueWhenTheKeyIsAbsentOrTheValueTheSame() {
        Set<String> changed = new LinkedHashSet<>();
        String current = new String("tea");
        assertSame(current, ValueCodecs.STRING.init(json(), "note", current));
        assertSame(current, ValueCodecs.STRING.apply(json(), "note", current, changed));
        assertSame(current, ValueCodecs.STRING.apply(json().put("note", "tea"), "note", current, changed));
        BigDecimal price = new BigDecimal("2.50");
        assertSame(price, ValueCodecs.BIG_DECIMAL.apply(json().put("price", new BigDecimal("2.5")), "price", price,
                changed));
        assertEquals(Set.of(), changed);
    }

    @Test
    void aDirectFieldTakesANewValueAndReportsItsKey() {
        Set<String> changed = new LinkedHashSet<>();
        assertEquals("coffee", ValueCodecs.STRING.init(json().put("note", "coffee"), "note", "tea"));
        assertEquals("coffee", ValueCodecs.STRING.apply(json().put("note", "coffee"), "note", "tea", changed));
        assertNull(ValueCodecs.STRING.apply(json().putNull("other"), "other", "tea", changed));
        assertEquals(Set.of("note", "other"), changed);
    }

    @Test
    void aSetterIsCalledOnlyForAPresentKeyAndADifferentValue() {
        Set<String> changed = new LinkedHashSet<>();
        List<String> set = new ArrayList<>();
        ValueCodecs.STRING.initWith(json(), "note", set::add);
        ValueCodecs.STRING.applyWith(json(), "note", "tea", set::add, changed);
        ValueCodecs.STRING.applyWith(json().put("note", "tea"), "note", "tea", set::add, changed);
        assertEquals(List.of(), set);
        ValueCodecs.STRING.initWith(json().put("note", "milk"), "note", set::add);
        ValueCodecs.STRING.applyWith(json().put("note", "coffee"), "note", "tea", set::add, changed);
        assertEquals(List.of("milk", "coffee"), set);
        assertEquals(Set.of("note"), changed);
    }

    @Test
    void primitivesReachedDirectlyReturnTheValueToStore() {
        Set<String> changed = new LinkedHashSet<>();
        assertEquals(3, ValueUpdates.initInt(json(), "qty", 3));
        assertEquals(3, ValueUpdates.applyInt(json().put("qty", 3), "qty", 3, changed));
        assertEquals(Set.of(), changed);
        assertEquals(5, ValueUpdates.applyInt(json().put("qty", 5), "qty", 3, changed));
        assertEquals((byte) 7, ValueUpdates.applyByte(json().put("b", 7), "b", (byte) 1, changed));
        assertEquals(0.5f, ValueUpdates.applyFloat(json().put("f", 0.5), "f", 0.25f, changed));
        assertEquals(-0.0, ValueUpdates.applyDouble(json().put("d", -0.0), "d", 0.0, changed));
        assertEquals(true, ValueUpdates.initBoolean(json().put("on", true), "on", false));
        assertEquals(Set.of("qty", "b", "f", "d"), changed);
        assertThrows(IllegalArgumentException.class,
                () -> ValueUpdates.applyInt(json().putNull("qty"), "qty", 3, changed));
    }

    @Test
    void narrowPrimitivesReachedDirectlyCompareAsTheirOwnType() {
        Set<String> changed = new LinkedHashSet<>();
        assertEquals('x', ValueUpdates.applyChar(json().put("c", "x"), "c", 'x', changed));
        assertEquals((short) -2, ValueUpdates.applyShort(json().put("s", -2), "s", (short) -2, changed));
        assertEquals(Float.NaN, ValueUpdates.applyFloat(json().put("nan", Float.NaN), "nan", Float.NaN, changed));
        assertEquals(Set.of(), changed);
        assertEquals(-0.0f, ValueUpdates.applyFloat(json().put("f", -0.0f), "f", 0.0f, changed));
        assertEquals('y', ValueUpdates.applyChar(json().put("c", "y"), "c", 'x', changed));
        assertEquals(Set.of("f", "c"), changed);
    }
}
