package dev.multisession.runtime.json;

import java.time.DateTimeException;
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

/**
 * Reads the texts the codec itself writes for {@code java.time} values ({@code toString}: four
 * digit years, {@code Z} or {@code ±HH:MM} offsets) without a {@code DateTimeFormatter}, whose
 * general parse (a map of fields, then resolving it) costs several times the value's own
 * construction and dominated reading a model with such fields. Each method returns the value
 * the JDK's {@code parse} gives for the same text, or null for any text of another shape, or
 * one the value's factory refuses: the caller then runs the JDK's {@code parse}, which gives the
 * same value or the same error as before. Only texts the JDK's parse accepts are read here.
 *
 * <p>Internal to the runtime: the model codecs' value codecs and the protocol mapper's
 * {@code Instant} deserializer read with it.
 */
public final class IsoTexts {

    private IsoTexts() {}

    /** {@code yyyy-MM-dd}. */
    public static LocalDate localDate(String text) {
        return text.length() == 10 ? date(text, 0) : null;
    }

    /** {@code yyyy-MM}. */
    public static YearMonth yearMonth(String text) {
        if (text.length() != 7 || text.charAt(4) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        if (year < 0 || month < 0) {
            return null;
        }
        try {
            return YearMonth.of(year, month);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy}. */
    public static Year year(String text) {
        int year = text.length() == 4 ? digits(text, 0, 4) : -1;
        return year < 0 ? null : Year.of(year);
    }

    /** {@code HH:mm[:ss[.fraction]]}. */
    public static LocalTime localTime(String text) {
        return time(text, 0, text.length());
    }

    /** A local date-time: {@code yyyy-MM-dd'T'} and a time. */
    public static LocalDateTime localDateTime(String text) {
        return dateTime(text, text.length());
    }

    /** A date-time in UTC written with {@code Z}; seconds required, as the JDK's parse requires them. */
    public static Instant instant(String text) {
        int end = text.length() - 1;
        if (end < 19 || text.charAt(end) != 'Z' || text.charAt(16) != ':') {
            return null;
        }
        LocalDateTime local = dateTime(text, end);
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    /** A date-time and its offset. */
    public static OffsetDateTime offsetDateTime(String text) {
        int offsetAt = offsetStart(text, text.length());
        if (offsetAt < 0) {
            return null;
        }
        LocalDateTime local = dateTime(text, offsetAt);
        ZoneOffset offset = offset(text, offsetAt, text.length());
        return local == null || offset == null ? null : OffsetDateTime.of(local, offset);
    }

    /** A time and its offset. */
    public static OffsetTime offsetTime(String text) {
        int offsetAt = offsetStart(text, text.length());
        if (offsetAt < 0) {
            return null;
        }
        LocalTime local = time(text, 0, offsetAt);
        ZoneOffset offset = offset(text, offsetAt, text.length());
        return local == null || offset == null ? null : OffsetTime.of(local, offset);
    }

    /** A date-time, its offset and a region id in brackets, e.g. {@code ...+01:00[Europe/Paris]}. */
    public static ZonedDateTime zonedDateTime(String text) {
        int open = text.indexOf('[');
        if (open < 0 || text.charAt(text.length() - 1) != ']' || text.indexOf('/', open) < 0) {
            return null;
        }
        int offsetAt = offsetStart(text, open);
        if (offsetAt < 0) {
            return null;
        }
        LocalDateTime local = dateTime(text, offsetAt);
        ZoneOffset offset = offset(text, offsetAt, open);
        if (local == null || offset == null) {
            return null;
        }
        try {
            ZoneId zone = RegionIds.of(text, open + 1, text.length() - 1);
            // as the parse resolves it: the instant the date-time and offset name, in the region
            return ZonedDateTime.ofInstant(local, offset, zone);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code PT[nH][nM][n[.f]S]} with plain digits, as {@code Duration.toString} writes positive durations. */
    public static Duration duration(String text) {
        int length = text.length();
        if (length < 4 || text.charAt(0) != 'P' || text.charAt(1) != 'T') {
            return null;
        }
        long seconds = 0;
        int nanos = 0;
        int unit = NO_UNIT;
        for (int i = 2; i < length; ) {
            long part = part(text, i, DURATION_UNITS, unit);
            if (part < 0) {
                return null;
            }
            int end = partEnd(part);
            if (unit == FRACTION_POINT) {
                // the part after the point: its digits, ended by S, are the fraction of a second
                int fractionDigits = end - 1 - i;
                nanos = partValue(part) * POWERS[9 - fractionDigits];
            } else {
                seconds += partValue(part) * SECONDS_PER_DURATION_UNIT[partUnit(part)];
            }
            unit = partUnit(part);
            i = end;
        }
        // a point must be followed by the fraction's digits and S
        return unit == FRACTION_POINT ? null : Duration.ofSeconds(seconds, nanos);
    }

    /** {@code P[nY][nM][nD]} with plain digits. */
    public static Period period(String text) {
        int length = text.length();
        if (length < 3 || text.charAt(0) != 'P') {
            return null;
        }
        int years = 0;
        int months = 0;
        int days = 0;
        for (int i = 1, unit = NO_UNIT; i < length; ) {
            long part = part(text, i, PERIOD_UNITS, unit);
            if (part < 0) {
                return null;
            }
            unit = partUnit(part);
            switch (unit) { // its index in PERIOD_UNITS
                case 0 -> years = partValue(part);
                case 1 -> months = partValue(part);
                default -> days = partValue(part);
            }
            i = partEnd(part);
        }
        return Period.of(years, months, days);
    }

    /**
     * A duration's units in the order they are written. The point of {@code n.fS} counts as a unit of
     * its own before {@code S}: the digits before it are seconds, those after it (ended by {@code S})
     * the fraction.
     */
    private static final String DURATION_UNITS = "HM.S";
    private static final int FRACTION_POINT = 2;
    /** Seconds in one of each unit of {@link #DURATION_UNITS}; long, as 999,999,999 hours overflow an int. */
    private static final long[] SECONDS_PER_DURATION_UNIT = {3600, 60, 1, 1};
    private static final String PERIOD_UNITS = "YMD";
    /** The unit before the first part: any unit may follow it. */
    private static final int NO_UNIT = -1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000};

    private static LocalDate date(String text, int at) {
        if (text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-') {
            return null;
        }
        int year = digits(text, at, 4);
        int month = digits(text, at + 5, 2);
        int day = digits(text, at + 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime dateTime(String text, int end) {
        if (end < 16 || text.charAt(10) != 'T') {
            return null;
        }
        LocalDate date = date(text, 0);
        LocalTime time = date == null ? null : time(text, 11, end);
        return time == null ? null : LocalDateTime.of(date, time);
    }

    /** {@code HH:mm[:ss[.f]]} between {@code at} and {@code end}, 1 to 9 fraction digits. */
    private static LocalTime time(String text, int at, int end) {
        int length = end - at;
        if (length != 5 && length != 8 && (length < 10 || length > 18)) {
            return null;
        }
        if (text.charAt(at + 2) != ':') {
            return null;
        }
        int hour = digits(text, at, 2);
        int minute = digits(text, at + 3, 2);
        int second = 0;
        int nano = 0;
        if (length >= 8) {
            if (text.charAt(at + 5) != ':') {
                return null;
            }
            second = digits(text, at + 6, 2);
            if (length > 8) {
                if (text.charAt(at + 8) != '.') {
                    return null;
                }
                int fraction = length - 9;
                int value = digits(text, at + 9, fraction);
                if (value < 0) {
                    return null;
                }
                nano = value * POWERS[9 - fraction];
            }
        }
        if (hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalTime.of(hour, minute, second, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Where the offset of a text ending at {@code end} starts: {@code Z} or {@code ±HH:MM}; -1 if neither. */
    private static int offsetStart(String text, int end) {
        if (end >= 1 && text.charAt(end - 1) == 'Z') {
            return end - 1;
        }
        if (end >= 6 && (text.charAt(end - 6) == '+' || text.charAt(end - 6) == '-') && text.charAt(end - 3) == ':') {
            return end - 6;
        }
        return -1;
    }

    private static ZoneOffset offset(String text, int at, int end) {
        if (end - at == 1) {
            return ZoneOffset.UTC;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return text.charAt(at) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                    : ZoneOffset.ofHoursMinutes(hours, minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Where the run of 1 to 9 ASCII digits at {@code at} ends, followed by a unit letter; -1 when there
     * is no digit, more than 9 (their value might not fit an {@code int}) or nothing after them.
     */
    private static int digitRunEnd(String text, int at) {
        int i = at;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        int count = i - at;
        return count == 0 || count > 9 || i == text.length() ? -1 : i;
    }

    /**
     * The part of a duration or period at {@code at}: 1 to 9 digits, then a unit written later in
     * {@code units} than {@code previousUnit}. Packed in one long, so that the loops reading them
     * allocate nothing: the digits' value (bits 0-29: 9 digits fit), the unit's index in {@code units} (bits 30-31)
     * and where the part ends, after its unit (bits 32-62). -1 when there is no such part.
     */
    private static long part(String text, int at, String units, int previousUnit) {
        int digitsEnd = digitRunEnd(text, at);
        if (digitsEnd < 0) {
            return -1;
        }
        int unit = units.indexOf(text.charAt(digitsEnd));
        if (unit <= previousUnit) {
            // not a unit (-1), or one out of order or repeated
            return -1;
        }
        return (long) (digitsEnd + 1) << 32 | (long) unit << 30 | digits(text, at, digitsEnd - at);
    }

    private static int partValue(long part) {
        return (int) (part & 0x3FFF_FFFF);
    }

    private static int partUnit(long part) {
        return (int) (part >>> 30) & 0b11;
    }

    private static int partEnd(long part) {
        return (int) (part >>> 32);
    }

    /** The decimal value of {@code count} ASCII digits at {@code at}, or -1 if one is not a digit. */
    private static int digits(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
