package dev.multisession.benchmarks.kinds;

import java.math.BigDecimal;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link KindOrder}s with a given number of lines, the same every time. */
public final class KindOrders {

    private KindOrders() {}

    /** An order with every field set and {@code lines} lines. */
    public static KindOrder withLines(int lines) {
        KindOrder order = new KindOrder();
        order.uid = "till-1-kind-order-0042";
        order.token = UUID.fromString("3f2b8c1e-7d4a-4b1d-9c1e-5a6b7c8d9e0f");
        order.course = Course.MAIN;
        order.createdAt = Instant.parse("2025-03-14T19:21:07.125Z");
        order.businessDay = LocalDate.parse("2025-03-14");
        order.openedAt = LocalDateTime.parse("2025-03-14T19:21:07");
        order.kitchenCutoff = LocalTime.parse("22:30");
        order.promisedAt = OffsetDateTime.parse("2025-03-14T20:00:00+01:00");
        order.deliveryFrom = OffsetTime.parse("19:45:00+01:00");
        order.reservedAt = ZonedDateTime.of(LocalDateTime.parse("2025-03-14T19:00:00"), ZoneId.of("Europe/Paris"));
        order.prepTime = Duration.ofMinutes(25);
        order.validity = Period.ofDays(30);
        order.fiscalYear = Year.of(2025);
        order.billingMonth = YearMonth.of(2025, 3);
        order.zone = ZoneId.of("Europe/Paris");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("channel", "dine-in");
        tags.put("waiter", "ann");
        tags.put("promo", "spring");
        order.tags = tags;
        order.labels = new LinkedHashSet<>(List.of("birthday", "window", "vip"));
        order.notes = new ArrayList<>(List.of("one guest is allergic to nuts", "bring the cake at 21:00"));
        order.tip = new Money(new BigDecimal("4.50"), "EUR");
        Guest guest = new Guest();
        guest.name = "Ada Lovelace";
        guest.visits = 7;
        guest.loyaltyId = UUID.fromString("0b7e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
        order.guest = guest;
        order.lines = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            order.lines.add(line(i));
        }
        return order;
    }

    /** The {@code index}-th line of {@link #withLines}. */
    public static KindLine line(int index) {
        KindLine line = new KindLine();
        line.uid = String.format("till-1-kind-line-%04d", index);
        line.product = "product " + index % 10;
        line.qty = 1 + index % 3;
        line.price = new BigDecimal("4.50").add(BigDecimal.valueOf(index % 7));
        line.course = Course.values()[index % 3];
        Set<String> modifiers = new LinkedHashSet<>();
        modifiers.add(index % 2 == 0 ? "no onions" : "extra cheese");
        modifiers.add("well done");
        line.modifiers = modifiers;
        Map<String, Integer> options = new LinkedHashMap<>();
        options.put("size", index % 3);
        options.put("spice", index % 5);
        line.options = options;
        return line;
    }

    /**
     * What a remote edit typically changes: one line's quantity, the guest's visits, a tag and
     * the course. Applied alternately with the original, every apply changes something.
     */
    public static KindOrder edited(KindOrder order) {
        KindLine line = order.lines.get(order.lines.size() / 2);
        line.qty++;
        order.guest.visits++;
        order.tags.put("promo", "summer");
        order.course = Course.DESSERT;
        return order;
    }
}
