package dev.multisession.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast reads give what the JDK's parse gives, or nothing (and the JDK's parse runs). */
class IsoTextsTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Etc/UTC"));

    @Test
    void everyValueTheCodecWritesIsReadBackWithoutTheFormatter() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime local = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextBoolean() ? 0 : random.nextInt(60),
                    IsoSamples.nanos(random));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            readBack(local.toLocalDate().toString(), IsoTexts::localDate, LocalDate::parse);
            readBack(local.toLocalTime().toString(), IsoTexts::localTime, LocalTime::parse);
            readBack(local.toString(), IsoTexts::localDateTime, LocalDateTime::parse);
            readBack(local.toInstant(ZoneOffset.UTC).toString(), IsoTexts::instant, Instant::parse);
            readBack(OffsetDateTime.of(local, offset).toString(), IsoTexts::offsetDateTime, OffsetDateTime::parse);
            readBack(OffsetTime.of(local.toLocalTime(), offset).toString(), IsoTexts::offsetTime, OffsetTime::parse);
            // from 1970 on: before, some regions kept local mean times, offsets in seconds left to the JDK
            ZonedDateTime zoned = ZonedDateTime.of(local.withYear(1970 + local.getYear() % 8000), zone);
            readBack(zoned.toString(), IsoTexts::zonedDateTime, ZonedDateTime::parse);
            // four digits: the fast read takes only those, other years go to Year.parse (which reads them too)
            readBack(Year.of(1000 + local.getYear() % 9000).toString(), IsoTexts::year, Year::parse);
            readBack(YearMonth.from(local).toString(), IsoTexts::yearMonth, YearMonth::parse);
            readBack(Duration.ofSeconds(random.nextInt(1_000_000), random.nextBoolean() ? 0 : IsoSamples.nanos(random)).toString(),
                    IsoTexts::duration, Duration::parse);
            readBack(Period.of(random.nextInt(100), random.nextInt(24), random.nextInt(400)).toString(),
                    IsoTexts::period, Period::parse);
        }
    }

    @Test
    void zonedTimesInAnOverlapKeepTheirOffset() {
        // 02:30 on the last Sunday of October happens twice in Paris; the offset says which
        LocalDateTime twice = LocalDateTime.of(2025, 10, 26, 2, 30);
        ZoneId paris = ZoneId.of("Europe/Paris");
        for (ZonedDateTime value : List.of(ZonedDateTime.ofLocal(twice, paris, ZoneOffset.ofHours(1)),
                ZonedDateTime.ofLocal(twice, paris, ZoneOffset.ofHours(2)))) {
            readBack(value.toString(), IsoTexts::zonedDateTime, ZonedDateTime::parse);
        }
        // an offset the region never had at that time: the instant wins, as in the JDK's parse
        String offsetElsewhere = "2025-03-14T19:00+05:00[Europe/Paris]";
        assertEquals(ZonedDateTime.parse(offsetElsewhere), IsoTexts.zonedDateTime(offsetElsewhere));
    }

    @Test
    void otherShapesAndRefusedValuesAreLeftToTheJdk() {
        List<String> texts = List.of("", "2025-02-29", "2025-13-01", "2025-1-01", "+12025-01-01", "-0001-01-01",
                "2025-03-14t19:21", "24:00", "23:60", "12:00:60", "12:00:00.", "12:00:00.1234567890", "12:00:0a",
                "2025-03-14T19:21Z", "2025-03-14T23:59:60Z", "2025-03-14T24:00:00Z", "2025-03-14T19:21:07+01:00",
                "2025-03-14T19:21:07z", "2025-03-14T19:21:07+19:00", "2025-03-14T19:21:07+01:60",
                "2025-03-14T19:21:07+01:00:30", "2025-03-14T19:21:07+0100", "19:45+01", "2025-03-14T19:00+01:00[UTC]",
                "2025-03-14T19:00+01:00[Mars/Base]", "2025-03-14T19:00+01:00", "PT", "PT-5M", "pt5m", "P1DT2H",
                "PT5M3H", "PT1.S", "PT1.5M", "PT1.5", "PT1.1234567890S", "PT5", "PT1234567890S", "P5", "P", "P1W", "P-1D", "P1D2M", "25", "02025", "2025-3");
        for (String text : texts) {
            agrees(text, IsoTexts::localDate, LocalDate::parse);
            agrees(text, IsoTexts::localTime, LocalTime::parse);
            agrees(text, IsoTexts::localDateTime, LocalDateTime::parse);
            agrees(text, IsoTexts::instant, Instant::parse);
            agrees(text, IsoTexts::offsetDateTime, OffsetDateTime::parse);
            agrees(text, IsoTexts::offsetTime, OffsetTime::parse);
            agrees(text, IsoTexts::zonedDateTime, ZonedDateTime::parse);
            agrees(text, IsoTexts::duration, Duration::parse);
            agrees(text, IsoTexts::period, Period::parse);
            agrees(text, IsoTexts::year, Year::parse);
            agrees(text, IsoTexts::yearMonth, YearMonth::parse);
        }
        assertNull(IsoTexts.localDate("2025-02-29"));
        assertNull(IsoTexts.instant("2025-03-14T23:59:60Z"));
    }

    /** A duration text and the value read from it, or null where the text is left to the JDK's parse. */
    static Stream<Arguments> durations() {
        return Stream.of(
                // each unit alone, several, leading zeros
                arguments("PT0S", Duration.ZERO), arguments("PT7H", Duration.ofHours(7)),
                arguments("PT7M", Duration.ofMinutes(7)), arguments("PT7S", Duration.ofSeconds(7)),
                arguments("PT1H2M3S", Duration.ofSeconds(3_723)), arguments("PT1H3S", Duration.ofSeconds(3_603)),
                arguments("PT0007H", Duration.ofHours(7)),
                // fractions: 1 to 9 digits, leading zeros kept, after other units
                arguments("PT0.5S", Duration.ofMillis(500)), arguments("PT3.000000001S", Duration.ofSeconds(3, 1)),
                arguments("PT0.123456789S", Duration.ofNanos(123_456_789)),
                arguments("PT1H0.25S", Duration.ofSeconds(3_600, 250_000_000)),
                // the largest parts: their seconds pass an int
                arguments("PT999999999H", Duration.ofHours(999_999_999)),
                arguments("PT999999999H999999999M999999999.999999999S", Duration.ofHours(999_999_999)
                        .plusMinutes(999_999_999).plusSeconds(999_999_999).plusNanos(999_999_999)),
                // signs
                arguments("-PT1H", null), arguments("PT-1H", null), arguments("PT+1H", null),
                // units out of order, repeated, of a period, or in lower case
                arguments("PT1M1H", null), arguments("PT1S1M", null), arguments("PT1H1H", null), arguments("PT1S1S", null),
                arguments("PT1.5S1S", null), arguments("PT1D", null), arguments("PT1Y", null), arguments("PT1h", null),
                // empty parts, and a point without digits on both sides and an S after them
                arguments("PTH", null), arguments("PT1HM", null), arguments("PT.5S", null), arguments("PT1.", null),
                arguments("PT1.5", null), arguments("PT1.5M", null), arguments("PT1.5H", null), arguments("PT1..5S", null),
                arguments("PT1.5.5S", null), arguments("PT1H ", null),
                // more than 9 digits
                arguments("PT1234567890H", null), arguments("PT0.1234567890S", null));
    }

    @ParameterizedTest
    @MethodSource("durations")
    void durationsAreReadPartByPart(String text, Duration expected) {
        readsOrLeavesToTheJdk(text, expected, IsoTexts::duration, Duration::parse);
    }

    /** A period text and the value read from it, or null where the text is left to the JDK's parse. */
    static Stream<Arguments> periods() {
        return Stream.of(
                // each unit alone, several, leading zeros, the largest parts
                arguments("P0D", Period.ZERO), arguments("P7Y", Period.ofYears(7)), arguments("P7M", Period.ofMonths(7)),
                arguments("P7D", Period.ofDays(7)), arguments("P1Y2M3D", Period.of(1, 2, 3)),
                arguments("P1Y3D", Period.of(1, 0, 3)), arguments("P2M3D", Period.of(0, 2, 3)),
                arguments("P0007D", Period.ofDays(7)),
                arguments("P999999999Y999999999M999999999D", Period.of(999_999_999, 999_999_999, 999_999_999)),
                // signs
                arguments("-P1D", null), arguments("P-1D", null), arguments("P+1D", null),
                // units out of order, repeated, of a duration, weeks, or in lower case
                arguments("P1M1Y", null), arguments("P1D1M", null), arguments("P1Y1Y", null), arguments("P1D1D", null),
                arguments("P1H", null), arguments("P1S", null), arguments("PT1H", null), arguments("P1W", null),
                arguments("P1d", null),
                // empty parts, fractions, trailing digits, more than 9 digits
                arguments("PY", null), arguments("P1YM", null), arguments("P1.5D", null), arguments("P1Y2", null),
                arguments("P1234567890D", null));
    }

    @ParameterizedTest
    @MethodSource("periods")
    void periodsAreReadPartByPart(String text, Period expected) {
        readsOrLeavesToTheJdk(text, expected, IsoTexts::period, Period::parse);
    }

    /** The fast read gives {@code expected}; a value the table gives is also the JDK's (the table is right). */
    private static <T> void readsOrLeavesToTheJdk(String text, T expected, Function<String, T> fast,
            Function<String, T> jdk) {
        assertEquals(expected, fast.apply(text), text);
        if (expected != null) {
            assertEquals(jdk.apply(text), expected, "the JDK's reading of " + text);
        }
    }

    private static <T> void readBack(String text, Function<String, T> fast, Function<String, T> jdk) {
        T read = fast.apply(text);
        assertNotNull(read, () -> "not read without the formatter: " + text);
        assertEquals(jdk.apply(text), read, text);
    }

    /** The fast read gives nothing, or the JDK's value; never a value where the JDK refuses the text. */
    private static <T> void agrees(String text, Function<String, T> fast, Function<String, T> jdk) {
        T read = fast.apply(text);
        if (read == null) {
            return;
        }
        List<Object> expected = new ArrayList<>();
        try {
            expected.add(jdk.apply(text));
        } catch (RuntimeException refused) {
            throw new AssertionError("read " + read + " from " + text + ", which the JDK refuses: " + refused.getMessage());
        }
        assertEquals(expected.get(0), read, text);
    }
}
