package dev.multisession.testing;

import java.time.Duration;

/**
 * What a {@link TestLink} does to the messages it carries, in both directions: each message is
 * dropped with {@code dropRate}, otherwise delivered after {@code latency} plus a random jitter
 * below {@code reorderWindow} (messages overtake each other within that window), and delivered a
 * second time with {@code duplicateRate}. Drawn from the session's seeded random, so a run is
 * repeatable from its seed.
 *
 * @param dropRate 0 to 1
 * @param duplicateRate 0 to 1
 * @param latency the fixed one-way delay
 * @param reorderWindow the largest extra random delay; zero keeps messages in order
 */
public record LinkFaults(double dropRate, double duplicateRate, Duration latency, Duration reorderWindow) {

    /** A perfect link: nothing lost, nothing doubled, 1 ms one way, in order. */
    public static final LinkFaults NONE = new LinkFaults(0, 0, Duration.ofMillis(1), Duration.ZERO);

    /**
     * @throws IllegalArgumentException if a rate is not between 0 and 1 or a duration is negative
     */
    public LinkFaults {
        checkRate("dropRate", dropRate);
        checkRate("duplicateRate", duplicateRate);
        if (latency == null || latency.isNegative() || reorderWindow == null || reorderWindow.isNegative()) {
            throw new IllegalArgumentException("latency and reorderWindow must be zero or more, not " + latency + " and "
                    + reorderWindow);
        }
    }

    /** This link, also dropping each message with {@code rate}. */
    public LinkFaults drop(double rate) {
        return new LinkFaults(rate, duplicateRate, latency, reorderWindow);
    }

    /** This link, also delivering each message twice with {@code rate}. */
    public LinkFaults duplicate(double rate) {
        return new LinkFaults(dropRate, rate, latency, reorderWindow);
    }

    /** This link with a one-way delay of {@code delay}. */
    public LinkFaults delay(Duration delay) {
        return new LinkFaults(dropRate, duplicateRate, delay, reorderWindow);
    }

    /** This link, letting messages overtake each other within {@code window}. */
    public LinkFaults reorder(Duration window) {
        return new LinkFaults(dropRate, duplicateRate, latency, window);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, not " + rate);
        }
    }
}
