package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ValueReadsTest {

    @Test
    void directReadsCheckLikeTheConstants() {
        assertEquals(7, ValueReads.readInt(IntNode.valueOf(7), "qty"));
        assertEquals(3, ValueReads.readInt(DoubleNode.valueOf(3.0), "qty"));
        assertThrows(IllegalArgumentException.class, () -> ValueReads.readByte(IntNode.valueOf(300), "b"));
        assertNull(ValueReads.readIntOrNull(NullNode.getInstance(), "guests"));
        assertEquals(new BigDecimal("2.50"), ValueReads.readBigDecimal(TextNode.valueOf("2.50"), "price"));
    }

    @Test
    void aNumberSentAsTextIsHeldToTheLengthOfAJsonNumber() {
        String digits = "9".repeat(1001);
        assertEquals("'total' is not a number: 1001 characters, more than 1000", assertThrows(
                IllegalArgumentException.class, () -> ValueReads.readBigDecimal(TextNode.valueOf(digits), "total"))
                .getMessage());
        assertEquals("'count' is not an integer: 1001 characters, more than 1000", assertThrows(
                IllegalArgumentException.class, () -> ValueReads.readBigInteger(TextNode.valueOf(digits), "count"))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ValueReads.readBigDecimal(TextNode.valueOf("1e999999999"), "total")).getMessage()
                .startsWith("'total' is not a number: its exponent is beyond 1000 places"));
        assertEquals(new BigDecimal("1e999"), ValueReads.readBigDecimal(TextNode.valueOf("1e999"), "total"));
    }

    enum Course { STARTER, MAIN }

    @Test
    void anUnknownEnumConstantIsNamedAsSuch() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ValueReads.readEnum(TextNode.valueOf("DRINKS"), "course", Course.class)).getMessage()
                .startsWith("'course' is not one of Course's constant names"));
    }

    @Test
    void nullForAPrimitiveNamesTheKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ValueReads.readInt(NullNode.getInstance(), "guests"));
        assertEquals("'guests' is null, but its field is a primitive", error.getMessage());
    }

    @Test
    void aWrongTypeNamesTheKeyAndTheNode() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ValueReads.readString(IntNode.valueOf(1), "note"));
        assertEquals("'note' must be a string or null, but is NUMBER 1", error.getMessage());
    }

    @Test
    void decimalsCompareByAmount() {
        assertTrue(ValueComparisons.sameNumber(new BigDecimal("2.5"), new BigDecimal("2.50")));
        assertTrue(ValueComparisons.sameNumber(null, null));
        assertFalse(ValueComparisons.sameNumber(BigDecimal.ONE, null));
    }
}
