package dev.multisession.benchmarks.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Operations timed in the CPU time of the measuring thread instead of wall-clock time: on a
 * machine whose other jobs keep more threads runnable than it has cores, wall-clock averages
 * mostly measure the waiting, while the thread's own CPU time still measures the work. The
 * operations run interleaved, round after round, so that a disturbance hits all of them alike,
 * and each one's median over the measured rounds is taken. A picocli mixin: its fields are the
 * command's options.
 *
 * <p>The warm-up is long on purpose: with ten rounds of 2,000 calls (about a second in all) the
 * JIT was still compiling when measuring began, and runs of the same code gave export ratios from
 * 2.4x to 3.0x; with sixty rounds of 3,000 they agree within a few per cent.
 */
public final class CpuTimeRounds {

    @Option(names = "--rounds", defaultValue = "40", description = "measured rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "60", description = "rounds before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--ops", defaultValue = "3000", description = "operations per round and kind (default ${DEFAULT-VALUE})")
    int ops;

    /** Keeps results reachable so the JIT cannot drop the work. */
    private static volatile Object sink;

    /** One operation; what it returns is kept reachable. */
    public interface Operation {
        Object run() throws Exception;
    }

    /** Each operation's median CPU time per call over the measured rounds, in nanoseconds, in the order given. */
    public Map<String, Double> medianNanos(Map<String, Operation> operations) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> nanosPerOp = new LinkedHashMap<>();
        operations.keySet().forEach(name -> nanosPerOp.put(name, new double[rounds]));
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    sink = operation.getValue().run();
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round >= warmup) {
                    nanosPerOp.get(operation.getKey())[round - warmup] = cpu / (double) ops;
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        nanosPerOp.forEach((name, nanos) -> medians.put(name, median(nanos)));
        return medians;
    }

    /** The rounds measured, for the report. */
    public int rounds() {
        return rounds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
