package dev.multisession.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multisession.runtime.codec.abi.ValueCodecs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast writes give exactly what the values' own {@code toString()} gives, for every year. */
class IsoWritesTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Etc/UTC"), ZoneId.of("UTC+01:30"),
            ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-3, -30), ZoneId.of("Z"));

    @Test
    void localAndOffsetValuesAreWrittenAsTheirToStringWrites() {
        Random random = new Random(11);
        List<LocalDateTime> locals = new ArrayList<>(List.of(LocalDateTime.MIN, LocalDateTime.MAX,
                LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(-1, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(10_000, 1, 1, 0, 0),
                LocalDateTime.of(999, 3, 4, 5, 6), LocalDateTime.of(-999, 3, 4, 5, 6, 0, 1),
                LocalDateTime.of(2025, 3, 14, 19, 21, 0, 100_000_000)));
        for (int i = 0; i < 20_000; i++) {
            int year = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10_000);
                case 1 -> random.nextInt(2_000_000_000) - 1_000_000_000;
                default -> 1900 + random.nextInt(200);
            };
            locals.add(LocalDateTime.of(Math.max(-999_999_999, Math.min(999_999_999, year)), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                    random.nextBoolean() ? 0 : random.nextInt(60), IsoSamples.nanos(random)));
        }
        for (LocalDateTime local : locals) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(4) == 0
                    ? random.nextInt(36 * 3600 + 1) - 18 * 3600 : (random.nextInt(37) - 18) * 1800);
            assertEquals(local.toString(), IsoWrites.localDateTime(local));
            assertEquals(local.toLocalDate().toString(), IsoWrites.localDate(local.toLocalDate()));
            assertEquals(local.toLocalTime().toString(), IsoWrites.localTime(local.toLocalTime()));
            OffsetDateTime offsetDateTime = OffsetDateTime.of(local, offset);
            assertEquals(offsetDateTime.toString(), IsoWrites.offsetDateTime(offsetDateTime));
            OffsetTime offsetTime = OffsetTime.of(local.toLocalTime(), offset);
            assertEquals(offsetTime.toString(), IsoWrites.offsetTime(offsetTime));
        }
    }

    @Test
    void zonedValuesAreWrittenAsTheirToStringWrites() {
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            int year = random.nextInt(8) == 0 ? random.nextInt(200_000) - 100_000 : 1900 + random.nextInt(200);
            LocalDateTime local = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextBoolean() ? 0 : random.nextInt(60), IsoSamples.nanos(random));
            ZonedDateTime zoned = ZonedDateTime.of(local, ZONES.get(random.nextInt(ZONES.size())));
            assertEquals(zoned.toString(), IsoWrites.zonedDateTime(zoned));
        }
        // a region whose rules are one fixed offset: the offset instance differs, so the region is written
        ZonedDateTime fixed = ZonedDateTime.of(LocalDateTime.of(2025, 3, 14, 19, 0), ZoneId.of("UTC"));
        assertEquals("2025-03-14T19:00Z[UTC]", IsoWrites.zonedDateTime(fixed));
        assertEquals(fixed.toString(), IsoWrites.zonedDateTime(fixed));
    }

    @Test
    void instantsAreWrittenAsInstantToStringWrites() {
        for (Instant instant : IsoSamples.instants(new Random(7), 20_000)) {
            assertEquals(instant.toString(), IsoWrites.instant(instant));
        }
    }

    @Test
    void theCodecsWriteWhatToStringWrites() {
        ZonedDateTime zoned = ZonedDateTime.of(LocalDateTime.of(2025, 3, 14, 19, 0, 7, 125_000_000),
                ZoneId.of("Europe/Paris"));
        assertEquals(zoned.toString(), ValueCodecs.ZONED_DATE_TIME.toJson(zoned).textValue());
        assertEquals(zoned.toOffsetDateTime().toString(),
                ValueCodecs.OFFSET_DATE_TIME.toJson(zoned.toOffsetDateTime()).textValue());
        assertEquals(zoned.toOffsetDateTime().toOffsetTime().toString(),
                ValueCodecs.OFFSET_TIME.toJson(zoned.toOffsetDateTime().toOffsetTime()).textValue());
        assertEquals("2025-03-14T19:00:07.125", ValueCodecs.LOCAL_DATE_TIME.toJson(zoned.toLocalDateTime()).textValue());
        assertEquals("2025-03-14", ValueCodecs.LOCAL_DATE.toJson(zoned.toLocalDate()).textValue());
        assertEquals("19:00:07.125", ValueCodecs.LOCAL_TIME.toJson(zoned.toLocalTime()).textValue());
        assertEquals("2025-03-14T18:00:07.125Z", ValueCodecs.INSTANT.toJson(zoned.toInstant()).textValue());
    }

}
