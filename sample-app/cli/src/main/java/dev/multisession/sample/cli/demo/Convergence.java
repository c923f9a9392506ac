package dev.multisession.sample.cli.demo;

import dev.multisession.sample.cli.view.StateDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the stations ended up with the same orders: every station online with nothing left to
 * send, and the same digest of its orders.
 *
 * @param digests each station's digest, by name
 * @param settled whether every station was online with an empty outbox
 */
public record Convergence(Map<String, String> digests, boolean settled) {

    /** Waits up to {@code timeoutMillis} for the stations to agree, then reports where they stand. */
    public static Convergence await(List<Station> stations, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Convergence now = measure(stations);
        while (!now.converged() && System.currentTimeMillis() < deadline) {
            pause();
            now = measure(stations);
        }
        return now;
    }

    /** Where the stations stand right now. */
    public static Convergence measure(List<Station> stations) {
        Map<String, String> digests = new LinkedHashMap<>();
        boolean settled = true;
        for (Station station : stations) {
            settled &= station.settled();
            digests.put(station.name(), StateDigest.of(station.state()));
        }
        return new Convergence(digests, settled);
    }

    /** True when every station is settled and all digests are equal. */
    public boolean converged() {
        return settled && digests.values().stream().distinct().count() == 1;
    }

    /** The common digest (meaningful when {@link #converged()}). */
    public String digest() {
        return digests.values().iterator().next();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the terminals", e);
        }
    }
}
