package dev.multisession.runtime.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Values the ISO texts' tests write and read: the edges, and random ones of every precision. */
final class IsoSamples {

    private IsoSamples() {}

    /** No fraction, or one of 3, 6 or 9 digits: the groups {@code toString} writes. */
    static int nanos(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
    }

    /**
     * The first and last instants, the edges of four-digit years, and {@code count} random ones:
     * anywhere, within about ±12,000 years, or in these decades; half of them on a whole minute.
     */
    static List<Instant> instants(Random random, int count) {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("2025-03-14T19:21:00Z"), Instant.parse("2025-03-14T19:21:00.100Z")));
        for (int i = 0; i < count; i++) {
            long seconds = switch (random.nextInt(3)) {
                case 0 -> random.nextLong() % Instant.MAX.getEpochSecond();
                case 1 -> random.nextLong() % 400_000_000_000L;
                default -> 1_700_000_000L + random.nextInt(200_000_000);
            };
            instants.add(Instant.ofEpochSecond(random.nextBoolean() ? seconds - seconds % 60 : seconds, nanos(random)));
        }
        return instants;
    }
}
