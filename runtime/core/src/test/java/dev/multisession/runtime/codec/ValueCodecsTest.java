package dev.multisession.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
    void nullForAPrimitiveNamesTheKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.INT.fromJsonNonNull(NullNode.getInstance(), "guests"));
        assertTrue(error.getMessage().contains("'guests'"));
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
    void directReadsCheckLikeTheConstants() {
        assertEquals(7, ValueCodecs.readInt(IntNode.valueOf(7), "qty"));
        assertEquals(3, ValueCodecs.readInt(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(3.0), "qty"));
        assertThrows(IllegalArgumentException.class, () -> ValueCodecs.readByte(IntNode.valueOf(300), "b"));
        IllegalArgumentException nullPrimitive = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.readInt(NullNode.getInstance(), "guests"));
        assertTrue(nullPrimitive.getMessage().contains("is null, but its field is a primitive"));
        assertNull(ValueCodecs.readIntOrNull(NullNode.getInstance(), "guests"));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.readString(IntNode.valueOf(1), "note"));
        assertTrue(wrongType.getMessage().startsWith("'note' must be a string or null"));
        assertEquals(new BigDecimal("2.50"), ValueCodecs.readBigDecimal(TextNode.valueOf("2.50"), "price"));
        assertTrue(ValueCodecs.sameNumber(new BigDecimal("2.5"), new BigDecimal("2.50")));
    }

    @Test
    void enumsTravelByNameEvenWhenToStringDiffers() {
        assertEquals("HOT", ValueCodecs.enumNode(Heat.HOT).textValue());
        assertEquals("HOT", ValueCodecs.ofEnum(Heat.class).toJson(Heat.HOT).textValue());
        assertEquals(Heat.HOT, ValueCodecs.readEnum(TextNode.valueOf("HOT"), "heat", Heat.class));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ValueCodecs.readEnum(TextNode.valueOf("hot"), "heat", Heat.class));
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
    void generatedNamesFollowTheNestingOfTheModel() {
        assertEquals("dev.multisession.runtime.codec.ValueCodecsTest_Inner_MultiSession",
                CodecLocator.generatedName(Inner.class));
    }

    static final class Inner {}
}
