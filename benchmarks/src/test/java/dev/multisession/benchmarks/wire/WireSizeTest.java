package dev.multisession.benchmarks.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The wire-size measurement captures exactly the one mutation a quantity change sends. */
class WireSizeTest {

    @Test
    void oneQuantityChangeSendsOneSmallMutationWhateverTheOrderSize() throws Exception {
        WireSize.Row small = WireSize.measure(10);
        WireSize.Row large = WireSize.measure(200);
        assertEquals(small.mutateBytes(), large.mutateBytes(), "a delta does not grow with the order");
        assertTrue(large.wholeOrderBytes() > 20 * large.mutateBytes(), large.toString());
    }
}
