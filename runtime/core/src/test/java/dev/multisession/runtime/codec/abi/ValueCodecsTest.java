package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueCodecsTest {

    @Test
    void integersAreRangeChecked() {
        assertEquals((byte) 12, (byte) ValueCodecs.BYTE.fromJson(IntNode.valueOf(12), "b"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.BYTE.fromJson(IntNode.valueOf(300), "b"));
        assertTrue(error.getMessage().contains("'b'"));
    }

    @Test
    void aBoxConstantReadsNullAsNull() {
        assertNull(ValueCodecs.INT.fromJson(NullNode.getInstance(), "guests"));
    }

    @Test
    void timeValuesAreIsoStrings() {
        assertEquals("2024-05-01", ValueCodecs.LOCAL_DATE.toJson(LocalDate.of(2024, 5, 1)).textValue());
        assertEquals(LocalDate.of(2024, 5, 1), ValueCodecs.LOCAL_DATE.fromJson(TextNode.valueOf("2024-05-01"), "d"));
    }

    @Test
    void decimalsCompareByAmount() {
        assertTrue(ValueCodecs.BIG_DECIMAL.same(new BigDecimal("2.5"), new BigDecimal("2.50")));
    }

    @Test
    void collectionsNest() {
        ValueCodec<Map<String, List<String>>> codec = ValueCodecs.mapOf(ValueCodecs.listOf(ValueCodecs.STRING));
        Map<String, List<String>> value = Map.of("a", List.of("x", "y"));
        assertEquals(value, codec.fromJson(codec.toJson(value), "m"));
    }

    @Test
    void anElementThatCannotBeReadIsNamedByItsPath() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("late").add(1).add("x").add(3);
        json.putArray("ok").add(4);
        ValueCodec<Map<String, List<Integer>>> nested = ValueCodecs.mapOf(ValueCodecs.listOf(ValueCodecs.INT));
        IllegalArgumentException inMap = assertThrows(IllegalArgumentException.class, () -> nested.fromJson(json, "counts"));
        assertTrue(inMap.getMessage().contains("'counts.late[1]'"), inMap.getMessage());

        ArrayNode days = JsonNodeFactory.instance.arrayNode().add("2024-05-01").add("May 2nd");
        IllegalArgumentException inSet = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.setOf(ValueCodecs.LOCAL_DATE).fromJson(days, "days"));
        assertTrue(inSet.getMessage().contains("'days[1]'"), inSet.getMessage());
    }

    @Test
    void aSetKeepsItsOrderAndDropsRepeats() {
        ArrayNode labels = JsonNodeFactory.instance.arrayNode().add("vip").add("window").add("vip");
        Set<String> read = ValueCodecs.setOf(ValueCodecs.STRING).fromJson(labels, "labels");
        assertEquals(List.of("vip", "window"), List.copyOf(read));
        read.add("birthday");
        assertEquals(JsonNodeFactory.instance.arrayNode().add("vip").add("window").add("birthday"),
                ValueCodecs.setOf(ValueCodecs.STRING).toJson(read));
    }

    @Test
    void enumsTravelByNameEvenWhenToStringDiffers() {
        assertEquals("HOT", ValueWrites.enumNode(Heat.HOT).textValue());
        assertEquals("HOT", ValueCodecs.ofEnum(Heat.class).toJson(Heat.HOT).textValue());
        assertEquals(Heat.HOT, ValueReads.readEnum(TextNode.valueOf("HOT"), "heat", Heat.class));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ValueReads.readEnum(TextNode.valueOf("hot"), "heat", Heat.class));
        assertTrue(unknown.getMessage().contains("'heat'"));
    }

    enum Heat {
        HOT;

        @Override
        public String toString() {
            return "hot";
        }
    }

    @Test
    void aStringOfTheWrongFormIsRefusedAsSuchNamingTheKeyAndShortened() {
        IllegalArgumentException month = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.LOCAL_DATE.fromJson(TextNode.valueOf("2025-13-01"), "due"));
        assertTrue(month.getMessage().startsWith("'due' "), month.getMessage());
        assertTrue(month.getMessage().contains("2025-13-01"), month.getMessage());
        assertTrue(!month.getMessage().contains("is not a string"), "it is a string: " + month.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.DURATION.fromJson(TextNode.valueOf("P" + "9".repeat(100_000)), "wait"));
        assertTrue(huge.getMessage().startsWith("'wait' "), huge.getMessage());
        assertTrue(huge.getMessage().length() < 400, "a long text is shortened: " + huge.getMessage().length());
    }
}
