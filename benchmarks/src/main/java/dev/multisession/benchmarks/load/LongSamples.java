package dev.multisession.benchmarks.load;

import java.util.Arrays;

/** A growable array of long samples (nanoseconds), written by one thread, with percentiles. */
final class LongSamples {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(LongSamples other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** Sorts in place; call once before {@link #percentile}. */
    void sort() {
        Arrays.sort(values, 0, size);
    }

    /** The nearest-rank percentile of sorted samples ({@code p} in 0..100); 0 when empty. */
    long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * size);
        return values[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return size == 0 ? 0 : values[size - 1];
    }
}
