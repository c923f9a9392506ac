package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueErrorTest {

    @Test
    void anElementsStepGoesAfterTheKeyItWasReadUnder() {
        assertEquals("'items[3]' must be a number", new ValueError("items", "must be a number", null)
                .within("items", "[3]").getMessage());
        assertEquals("'items[3][1]' must be a number", new ValueError("items[1]", "must be a number", null)
                .within("items", "[3]").getMessage());
        assertEquals("'notes.a.b' must be a number", new ValueError("notes.b", "must be a number", null)
                .within("notes", ".a").getMessage());
    }

    @Test
    void aLongerKeyThatMerelyStartsAlikeIsLeftAsItIs() {
        assertEquals("'items' must be a number", new ValueError("items", "must be a number", null)
                .within("item", "[3]").getMessage());
    }
}
