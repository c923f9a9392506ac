package dev.multisession.benchmarks.kinds;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.annotations.MultiSessionId;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An order with one field of every kind the codec supports. */
public class KindOrder {
    @MultiSessionId
    @MultiSessionField
    public String uid;
    @MultiSessionField
    public UUID token;
    @MultiSessionField
    public Course course;
    @MultiSessionField
    public Instant createdAt;
    @MultiSessionField
    public LocalDate businessDay;
    @MultiSessionField
    public LocalDateTime openedAt;
    @MultiSessionField
    public LocalTime kitchenCutoff;
    @MultiSessionField
    public OffsetDateTime promisedAt;
    @MultiSessionField
    public OffsetTime deliveryFrom;
    @MultiSessionField
    public ZonedDateTime reservedAt;
    @MultiSessionField
    public Duration prepTime;
    @MultiSessionField
    public Period validity;
    @MultiSessionField
    public Year fiscalYear;
    @MultiSessionField
    public YearMonth billingMonth;
    @MultiSessionField
    public ZoneId zone;
    @MultiSessionField
    public Map<String, String> tags;
    @MultiSessionField
    public Set<String> labels;
    @MultiSessionField
    public List<String> notes;
    @MultiSessionField
    public Money tip;
    @MultiSessionField
    public Guest guest;
    @MultiSessionField
    public List<KindLine> lines;
}
