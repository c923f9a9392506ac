package dev.multisession.benchmarks.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What every {@link LightTerminal} of a run records, shared: thousands of terminals with a
 * histogram each would cost more memory than the connections themselves. Recorders take values
 * from many threads without locking; {@link #take} hands over what a step recorded and starts
 * afresh.
 */
final class LightStats {

    final Recorder latencies = new Recorder(3);
    final Recorder lags = new Recorder(3);
    final Recorder pongs = new Recorder(3);
    final LongAdder accepted = new LongAdder();
    final LongAdder shed = new LongAdder();
    final LongAdder problems = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder pingsSent = new LongAdder();
    final LongAdder pongsReceived = new LongAdder();

    /** What one step recorded. */
    record Taken(Histogram latencies, Histogram lags, Histogram pongs, long accepted, long shed, long problems,
            long dropped, long pingsSent, long pongsReceived) {}

    /** Everything recorded since the last call; the counters start again from zero. */
    Taken take() {
        return new Taken(latencies.getIntervalHistogram(), lags.getIntervalHistogram(), pongs.getIntervalHistogram(),
                accepted.sumThenReset(), shed.sumThenReset(), problems.sumThenReset(), dropped.sum(),
                pingsSent.sumThenReset(), pongsReceived.sumThenReset());
    }
}
