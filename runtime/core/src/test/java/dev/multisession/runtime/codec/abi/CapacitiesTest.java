package dev.multisession.runtime.codec.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Collections sized for their entries take them without growing, and no larger than needed. */
class CapacitiesTest {

    @Test
    void theTableTakesTheEntriesWithoutGrowingAndIsTheSmallestThatDoes() {
        for (int entries = 1; entries <= 100_000; entries++) {
            int table = Integer.highestOneBit(Math.max(1, Capacities.forEntries(entries) - 1)) << 1;
            // HashMap's threshold: three quarters of the table (as a float, truncated)
            assertTrue((int) (table * 0.75f) >= entries, () -> "grows: " + table);
            int smaller = table / 2;
            assertTrue((int) (smaller * 0.75f) < entries, () -> "larger than needed: " + table);
        }
    }

    @Test
    void aSizedObjectIsAnOrdinaryObject() {
        ObjectNode json = Capacities.objectNode(2);
        json.put("b", 1).put("a", 2).put("c", 3);
        assertEquals("{\"b\":1,\"a\":2,\"c\":3}", json.toString());
        assertEquals(JsonNodeFactory.instance.objectNode().put("b", 1).put("a", 2).put("c", 3), json);
    }
}
