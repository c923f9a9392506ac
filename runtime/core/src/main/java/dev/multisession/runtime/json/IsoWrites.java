package dev.multisession.runtime.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The {@code toString()} of the {@code java.time} values export writes, character for character,
 * for years 0000 to 9999, written into one byte array: the JDK's own {@code toString} builds the
 * date's and the time's text each in a builder of its own and then joins them, which was most of
 * the time an export of such a field took. Other years are left to the JDK.
 *
 * <p>Internal to the runtime: the model codecs' value codecs and the protocol mapper's
 * {@code Instant} serializer write with it, so both write the same texts.
 */
public final class IsoWrites {

    /** {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn+HH:MM:SS}: the longest text written here, without a region. */
    private static final int MAX_LENGTH = 10 + 1 + 18 + 9;

    /** The first and the last second {@link #instant} writes itself: years 0000 to 9999. */
    private static final long FIRST_SECOND = -62_167_219_200L;
    private static final long AFTER_LAST_SECOND = 253_402_300_800L;

    private IsoWrites() {}

    /** {@code LocalDate.toString()}. */
    public static String localDate(LocalDate value) {
        if (!fourDigits(value.getYear())) {
            return value.toString();
        }
        byte[] text = new byte[10];
        date(text, value);
        return string(text, 10);
    }

    /** {@code LocalTime.toString()}. */
    public static String localTime(LocalTime value) {
        byte[] text = new byte[18];
        return string(text, time(text, 0, value));
    }

    /** {@code LocalDateTime.toString()}. */
    public static String localDateTime(LocalDateTime value) {
        if (!fourDigits(value.getYear())) {
            return value.toString();
        }
        byte[] text = new byte[MAX_LENGTH];
        return string(text, dateTime(text, value));
    }

    /**
     * {@code Instant.toString()}: the UTC date-time's text, which writes the fraction in the same
     * groups of three digits, with the zero seconds it leaves out and a {@code Z}.
     */
    public static String instant(Instant value) {
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= AFTER_LAST_SECOND) {
            return value.toString();
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, value.getNano(), ZoneOffset.UTC);
        byte[] text = new byte[MAX_LENGTH];
        int end = dateTime(text, local);
        if (local.getSecond() == 0 && local.getNano() == 0) {
            text[end++] = ':';
            text[end++] = '0';
            text[end++] = '0';
        }
        text[end++] = 'Z';
        return string(text, end);
    }

    /** {@code OffsetDateTime.toString()}. */
    public static String offsetDateTime(OffsetDateTime value) {
        if (!fourDigits(value.getYear())) {
            return value.toString();
        }
        byte[] text = new byte[MAX_LENGTH];
        return string(text, offset(text, dateTime(text, value.toLocalDateTime()), value.getOffset()));
    }

    /** {@code OffsetTime.toString()}. */
    public static String offsetTime(OffsetTime value) {
        byte[] text = new byte[MAX_LENGTH];
        return string(text, offset(text, time(text, 0, value.toLocalTime()), value.getOffset()));
    }

    /** {@code ZonedDateTime.toString()}: the region, when it is not the offset itself, in brackets. */
    public static String zonedDateTime(ZonedDateTime value) {
        if (!fourDigits(value.getYear())) {
            return value.toString();
        }
        // the same test as the JDK's: a region that is a fixed offset of another instance is still written
        String region = value.getZone() == value.getOffset() ? "" : value.getZone().getId();
        byte[] text = new byte[MAX_LENGTH + 2 + region.length()];
        int end = offset(text, dateTime(text, value.toLocalDateTime()), value.getOffset());
        if (!region.isEmpty()) {
            text[end++] = '[';
            end = ascii(text, end, region);
            text[end++] = ']';
        }
        return string(text, end);
    }

    private static boolean fourDigits(int year) {
        return year >= 0 && year <= 9999;
    }

    private static int dateTime(byte[] text, LocalDateTime value) {
        date(text, value.toLocalDate());
        text[10] = 'T';
        return time(text, 11, value.toLocalTime());
    }

    private static void date(byte[] text, LocalDate value) {
        int year = value.getYear();
        two(text, 0, year / 100);
        two(text, 2, year % 100);
        text[4] = '-';
        two(text, 5, value.getMonthValue());
        text[7] = '-';
        two(text, 8, value.getDayOfMonth());
    }

    /** {@code HH:mm}, then {@code :ss} unless seconds and fraction are zero, then the fraction in groups of three. */
    private static int time(byte[] text, int at, LocalTime value) {
        two(text, at, value.getHour());
        text[at + 2] = ':';
        two(text, at + 3, value.getMinute());
        int end = at + 5;
        int second = value.getSecond();
        int nano = value.getNano();
        if (second == 0 && nano == 0) {
            return end;
        }
        text[end] = ':';
        two(text, end + 1, second);
        end += 3;
        if (nano == 0) {
            return end;
        }
        text[end++] = '.';
        if (nano % 1_000_000 == 0) {
            return digits(text, end, nano / 1_000_000, 3);
        }
        if (nano % 1000 == 0) {
            return digits(text, end, nano / 1000, 6);
        }
        return digits(text, end, nano, 9);
    }

    /** The offset's id ({@code Z} or {@code ±HH:MM[:SS]}), which is what its {@code toString()} gives. */
    private static int offset(byte[] text, int at, ZoneOffset offset) {
        return ascii(text, at, offset.getId());
    }

    /** An id of the JDK's time zones: ASCII only. */
    private static int ascii(byte[] text, int at, String id) {
        for (int i = 0; i < id.length(); i++) {
            text[at + i] = (byte) id.charAt(i);
        }
        return at + id.length();
    }

    private static void two(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 10);
        text[at + 1] = (byte) ('0' + value % 10);
    }

    private static int digits(byte[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + count;
    }

    private static String string(byte[] text, int length) {
        return new String(text, 0, length, StandardCharsets.ISO_8859_1);
    }
}
