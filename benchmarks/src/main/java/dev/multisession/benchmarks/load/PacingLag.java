package dev.multisession.benchmarks.load;

/**
 * How late an edit was carried out against the slot its pacer gave it. A pacer's task may run
 * a little before its slot (a timer that fires early, a run of slots handed over at once), and
 * an edit made early is not late: its lag is zero, never negative, which a histogram refuses.
 */
final class PacingLag {

    private PacingLag() {}

    /** The lag in nanoseconds of an edit made at {@code nowNanos} for the slot at {@code scheduledNanos}. */
    static long nanos(long nowNanos, long scheduledNanos) {
        return Math.max(0, nowNanos - scheduledNanos);
    }
}
