package dev.multisession.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PacingLagTest {

    @Test
    void anEditMadeBeforeItsSlotIsRecordedWithoutLag() {
        Histogram lags = new Histogram(3);

        lags.recordValue(PacingLag.nanos(1_000, 1_500)); // the pacer's task ran 500 ns early
        lags.recordValue(PacingLag.nanos(2_000, 1_500));

        assertEquals(2, lags.getTotalCount());
        assertEquals(0, lags.getMinValue());
        assertEquals(500, lags.getMaxValue(), 1);
    }
}
