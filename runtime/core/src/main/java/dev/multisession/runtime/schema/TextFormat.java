package dev.multisession.runtime.schema;

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
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The string syntaxes of formatted values, by their name in the schema: each is checked with the
 * same parser the generated codecs read it with, so what the hub accepts every terminal can read.
 */
public enum TextFormat {
    UUID_TEXT("uuid", "a UUID such as \"123e4567-e89b-12d3-a456-426614174000\"", TextFormat::uuid),
    INSTANT("instant", "an ISO-8601 instant such as \"2026-12-02T10:15:30Z\"", Instant::parse),
    LOCAL_DATE("local-date", "an ISO-8601 date such as \"2026-12-02\"", LocalDate::parse),
    LOCAL_DATE_TIME("local-date-time", "an ISO-8601 local date-time such as \"2026-12-02T10:15:30\"",
            LocalDateTime::parse),
    LOCAL_TIME("local-time", "an ISO-8601 local time such as \"10:15:30\"", LocalTime::parse),
    OFFSET_DATE_TIME("offset-date-time", "an ISO-8601 date-time with offset such as \"2026-12-02T10:15:30+01:00\"",
            OffsetDateTime::parse),
    OFFSET_TIME("offset-time", "an ISO-8601 time with offset such as \"10:15:30+01:00\"", OffsetTime::parse),
    ZONED_DATE_TIME("zoned-date-time", "an ISO-8601 date-time with zone such as \"2026-12-02T10:15:30+01:00[Europe/Paris]\"",
            ZonedDateTime::parse),
    DURATION("duration", "an ISO-8601 duration such as \"PT15M\"", Duration::parse),
    PERIOD("period", "an ISO-8601 period such as \"P1D\"", Period::parse),
    YEAR("year", "a year such as \"2026\"", Year::parse),
    YEAR_MONTH("year-month", "a year and month such as \"2026-12\"", YearMonth::parse),
    ZONE_ID("zone-id", "a time zone such as \"Europe/Paris\"", ZoneId::of);

    private final String schemaName;
    private final String description;
    private final Function<String, ?> parser;

    TextFormat(String schemaName, String description, Function<String, ?> parser) {
        this.schemaName = schemaName;
        this.description = description;
        this.parser = parser;
    }

    /** The format of a kind name ({@code "local-date"}), if it is one. */
    public static Optional<TextFormat> named(String schemaName) {
        return Arrays.stream(values()).filter(format -> format.schemaName.equals(schemaName)).findFirst();
    }

    /** How the syntax reads in an error. */
    public String describe() {
        return description;
    }

    /** Whether {@code text} is in this syntax. */
    public boolean accepts(String text) {
        try {
            parser.apply(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** {@code UUID.fromString} also takes short forms ("1-1-1-1-1") and writes them long; only the canonical form travels unchanged. */
    private static UUID uuid(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not a canonical UUID: " + text);
        }
        return uuid;
    }
}
