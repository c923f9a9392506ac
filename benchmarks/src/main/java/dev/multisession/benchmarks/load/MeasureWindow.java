package dev.multisession.benchmarks.load;

/** The measured interval of a step, in {@link System#nanoTime()}; empty until a step opens it. */
final class MeasureWindow {

    private volatile long start = Long.MAX_VALUE;
    private volatile long end = Long.MAX_VALUE;

    void open(long startNanos, long endNanos) {
        end = endNanos;
        start = startNanos;
    }

    boolean contains(long nanos) {
        return nanos >= start && nanos < end;
    }
}
