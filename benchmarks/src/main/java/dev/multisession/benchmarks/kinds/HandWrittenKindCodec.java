package dev.multisession.benchmarks.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The export, init and apply code a careful developer writes by hand for {@link KindOrder} on
 * Jackson's tree API: the same JSON as the generated codec (times as ISO-8601 strings, maps as
 * objects, sets and lists as arrays, the money as its two members), absent keys left alone,
 * lines matched by uid and updated in place, the guest updated in place.
 */
public final class HandWrittenKindCodec {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private HandWrittenKindCodec() {}

    public static ObjectNode export(KindOrder order) {
        ObjectNode json = JSON.objectNode();
        json.put("uid", order.uid);
        json.put("token", string(order.token));
        json.put("course", order.course == null ? null : order.course.name());
        json.put("createdAt", string(order.createdAt));
        json.put("businessDay", string(order.businessDay));
        json.put("openedAt", string(order.openedAt));
        json.put("kitchenCutoff", string(order.kitchenCutoff));
        json.put("promisedAt", string(order.promisedAt));
        json.put("deliveryFrom", string(order.deliveryFrom));
        json.put("reservedAt", string(order.reservedAt));
        json.put("prepTime", string(order.prepTime));
        json.put("validity", string(order.validity));
        json.put("fiscalYear", string(order.fiscalYear));
        json.put("billingMonth", string(order.billingMonth));
        json.put("zone", string(order.zone));
        if (order.tags == null) {
            json.putNull("tags");
        } else {
            ObjectNode tags = json.putObject("tags");
            for (Map.Entry<String, String> tag : order.tags.entrySet()) {
                tags.put(tag.getKey(), tag.getValue());
            }
        }
        putStrings(json, "labels", order.labels);
        putStrings(json, "notes", order.notes);
        if (order.tip == null) {
            json.putNull("tip");
        } else {
            json.putObject("tip").put("amount", order.tip.amount()).put("currency", order.tip.currency());
        }
        if (order.guest == null) {
            json.putNull("guest");
        } else {
            json.putObject("guest").put("name", order.guest.name).put("visits", order.guest.visits)
                    .put("loyaltyId", string(order.guest.loyaltyId));
        }
        if (order.lines == null) {
            json.putNull("lines");
        } else {
            ArrayNode lines = json.putArray("lines");
            for (KindLine line : order.lines) {
                lines.add(exportLine(line));
            }
        }
        return json;
    }

    private static ObjectNode exportLine(KindLine line) {
        ObjectNode json = JSON.objectNode();
        json.put("uid", line.uid);
        json.put("product", line.product);
        json.put("qty", line.qty);
        json.put("price", line.price);
        json.put("course", line.course == null ? null : line.course.name());
        putStrings(json, "modifiers", line.modifiers);
        if (line.options == null) {
            json.putNull("options");
        } else {
            ObjectNode options = json.putObject("options");
            for (Map.Entry<String, Integer> option : line.options.entrySet()) {
                options.put(option.getKey(), option.getValue());
            }
        }
        return json;
    }

    public static void init(KindOrder order, JsonNode json) {
        JsonNode v;
        if ((v = json.get("uid")) != null) {
            order.uid = v.textValue();
        }
        if ((v = json.get("token")) != null) {
            order.token = parse(v, UUID::fromString);
        }
        if ((v = json.get("course")) != null) {
            order.course = v.isNull() ? null : Course.valueOf(v.textValue());
        }
        if ((v = json.get("createdAt")) != null) {
            order.createdAt = parse(v, Instant::parse);
        }
        if ((v = json.get("businessDay")) != null) {
            order.businessDay = parse(v, LocalDate::parse);
        }
        if ((v = json.get("openedAt")) != null) {
            order.openedAt = parse(v, LocalDateTime::parse);
        }
        if ((v = json.get("kitchenCutoff")) != null) {
            order.kitchenCutoff = parse(v, LocalTime::parse);
        }
        if ((v = json.get("promisedAt")) != null) {
            order.promisedAt = parse(v, OffsetDateTime::parse);
        }
        if ((v = json.get("deliveryFrom")) != null) {
            order.deliveryFrom = parse(v, OffsetTime::parse);
        }
        if ((v = json.get("reservedAt")) != null) {
            order.reservedAt = parse(v, ZonedDateTime::parse);
        }
        if ((v = json.get("prepTime")) != null) {
            order.prepTime = parse(v, Duration::parse);
        }
        if ((v = json.get("validity")) != null) {
            order.validity = parse(v, Period::parse);
        }
        if ((v = json.get("fiscalYear")) != null) {
            order.fiscalYear = parse(v, Year::parse);
        }
        if ((v = json.get("billingMonth")) != null) {
            order.billingMonth = parse(v, YearMonth::parse);
        }
        if ((v = json.get("zone")) != null) {
            order.zone = parse(v, ZoneId::of);
        }
        if ((v = json.get("tags")) != null) {
            order.tags = tags(v);
        }
        if ((v = json.get("labels")) != null) {
            order.labels = v.isNull() ? null : strings(v, new LinkedHashSet<>());
        }
        if ((v = json.get("notes")) != null) {
            order.notes = v.isNull() ? null : strings(v, new ArrayList<>());
        }
        if ((v = json.get("tip")) != null) {
            order.tip = money(v);
        }
        if ((v = json.get("guest")) != null) {
            if (v.isNull()) {
                order.guest = null;
            } else {
                Guest guest = new Guest();
                applyGuest(guest, v);
                order.guest = guest;
            }
        }
        if ((v = json.get("lines")) != null) {
            if (v.isNull()) {
                order.lines = null;
            } else {
                List<KindLine> lines = new ArrayList<>(v.size());
                for (JsonNode element : v) {
                    KindLine line = new KindLine();
                    applyLine(line, element);
                    lines.add(line);
                }
                order.lines = lines;
            }
        }
    }

    /** Applies the keys {@code data} has; returns the keys whose values changed. */
    public static Set<String> apply(KindOrder order, JsonNode data) {
        Set<String> changed = new LinkedHashSet<>();
        JsonNode v;
        if ((v = data.get("token")) != null) {
            UUID value = parse(v, UUID::fromString);
            if (!Objects.equals(value, order.token)) {
                order.token = value;
                changed.add("token");
            }
        }
        if ((v = data.get("course")) != null) {
            Course value = v.isNull() ? null : Course.valueOf(v.textValue());
            if (value != order.course) {
                order.course = value;
                changed.add("course");
            }
        }
        if ((v = data.get("createdAt")) != null) {
            Instant value = parse(v, Instant::parse);
            if (!Objects.equals(value, order.createdAt)) {
                order.createdAt = value;
                changed.add("createdAt");
            }
        }
        if ((v = data.get("businessDay")) != null) {
            LocalDate value = parse(v, LocalDate::parse);
            if (!Objects.equals(value, order.businessDay)) {
                order.businessDay = value;
                changed.add("businessDay");
            }
        }
        if ((v = data.get("openedAt")) != null) {
            LocalDateTime value = parse(v, LocalDateTime::parse);
            if (!Objects.equals(value, order.openedAt)) {
                order.openedAt = value;
                changed.add("openedAt");
            }
        }
        if ((v = data.get("kitchenCutoff")) != null) {
            LocalTime value = parse(v, LocalTime::parse);
            if (!Objects.equals(value, order.kitchenCutoff)) {
                order.kitchenCutoff = value;
                changed.add("kitchenCutoff");
            }
        }
        if ((v = data.get("promisedAt")) != null) {
            OffsetDateTime value = parse(v, OffsetDateTime::parse);
            if (!Objects.equals(value, order.promisedAt)) {
                order.promisedAt = value;
                changed.add("promisedAt");
            }
        }
        if ((v = data.get("deliveryFrom")) != null) {
            OffsetTime value = parse(v, OffsetTime::parse);
            if (!Objects.equals(value, order.deliveryFrom)) {
                order.deliveryFrom = value;
                changed.add("deliveryFrom");
            }
        }
        if ((v = data.get("reservedAt")) != null) {
            ZonedDateTime value = parse(v, ZonedDateTime::parse);
            if (!Objects.equals(value, order.reservedAt)) {
                order.reservedAt = value;
                changed.add("reservedAt");
            }
        }
        if ((v = data.get("prepTime")) != null) {
            Duration value = parse(v, Duration::parse);
            if (!Objects.equals(value, order.prepTime)) {
                order.prepTime = value;
                changed.add("prepTime");
            }
        }
        if ((v = data.get("validity")) != null) {
            Period value = parse(v, Period::parse);
            if (!Objects.equals(value, order.validity)) {
                order.validity = value;
                changed.add("validity");
            }
        }
        if ((v = data.get("fiscalYear")) != null) {
            Year value = parse(v, Year::parse);
            if (!Objects.equals(value, order.fiscalYear)) {
                order.fiscalYear = value;
                changed.add("fiscalYear");
            }
        }
        if ((v = data.get("billingMonth")) != null) {
            YearMonth value = parse(v, YearMonth::parse);
            if (!Objects.equals(value, order.billingMonth)) {
                order.billingMonth = value;
                changed.add("billingMonth");
            }
        }
        if ((v = data.get("zone")) != null) {
            ZoneId value = parse(v, ZoneId::of);
            if (!Objects.equals(value, order.zone)) {
                order.zone = value;
                changed.add("zone");
            }
        }
        if ((v = data.get("tags")) != null) {
            Map<String, String> value = tags(v);
            if (!Objects.equals(value, order.tags)) {
                order.tags = value;
                changed.add("tags");
            }
        }
        if ((v = data.get("labels")) != null) {
            Set<String> value = v.isNull() ? null : strings(v, new LinkedHashSet<>());
            if (!Objects.equals(value, order.labels)) {
                order.labels = value;
                changed.add("labels");
            }
        }
        if ((v = data.get("notes")) != null) {
            List<String> value = v.isNull() ? null : strings(v, new ArrayList<>());
            if (!Objects.equals(value, order.notes)) {
                order.notes = value;
                changed.add("notes");
            }
        }
        if ((v = data.get("tip")) != null) {
            Money value = money(v);
            if (!Objects.equals(value, order.tip)) {
                order.tip = value;
                changed.add("tip");
            }
        }
        if ((v = data.get("guest")) != null) {
            if (v.isNull()) {
                if (order.guest != null) {
                    order.guest = null;
                    changed.add("guest");
                }
            } else if (order.guest == null) {
                order.guest = new Guest();
                applyGuest(order.guest, v);
                changed.add("guest");
            } else if (applyGuest(order.guest, v)) {
                changed.add("guest");
            }
        }
        if ((v = data.get("lines")) != null && applyLines(order, v)) {
            changed.add("lines");
        }
        return changed;
    }

    private static boolean applyGuest(Guest guest, JsonNode data) {
        boolean changed = false;
        JsonNode v;
        if ((v = data.get("name")) != null && !Objects.equals(v.textValue(), guest.name)) {
            guest.name = v.textValue();
            changed = true;
        }
        if ((v = data.get("visits")) != null && v.intValue() != guest.visits) {
            guest.visits = v.intValue();
            changed = true;
        }
        if ((v = data.get("loyaltyId")) != null) {
            UUID value = parse(v, UUID::fromString);
            if (!Objects.equals(value, guest.loyaltyId)) {
                guest.loyaltyId = value;
                changed = true;
            }
        }
        return changed;
    }

    /** Lines matched by uid: kept objects updated in place, new ones created, missing ones removed. */
    private static boolean applyLines(KindOrder order, JsonNode array) {
        if (array.isNull()) {
            boolean had = order.lines != null;
            order.lines = null;
            return had;
        }
        List<KindLine> current = order.lines == null ? new ArrayList<>() : order.lines;
        Map<String, KindLine> byUid = new HashMap<>(current.size() * 2);
        for (KindLine line : current) {
            byUid.put(line.uid, line);
        }
        boolean changed = order.lines == null || array.size() != current.size();
        List<KindLine> result = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            KindLine line = byUid.remove(element.get("uid").textValue());
            if (line == null) {
                line = new KindLine();
                applyLine(line, element);
                changed = true;
            } else {
                changed |= applyLine(line, element);
                changed |= i >= current.size() || current.get(i) != line;
            }
            result.add(line);
        }
        if (changed) {
            current.clear();
            current.addAll(result);
            order.lines = current;
        }
        return changed;
    }

    private static boolean applyLine(KindLine line, JsonNode data) {
        boolean changed = false;
        JsonNode v;
        if ((v = data.get("uid")) != null && line.uid == null) {
            line.uid = v.textValue();
            changed = true;
        }
        if ((v = data.get("product")) != null && !Objects.equals(v.textValue(), line.product)) {
            line.product = v.textValue();
            changed = true;
        }
        if ((v = data.get("qty")) != null && v.intValue() != line.qty) {
            line.qty = v.intValue();
            changed = true;
        }
        if ((v = data.get("price")) != null) {
            BigDecimal value = v.isNull() ? null : v.decimalValue();
            if (value == null ? line.price != null : line.price == null || value.compareTo(line.price) != 0) {
                line.price = value;
                changed = true;
            }
        }
        if ((v = data.get("course")) != null) {
            Course value = v.isNull() ? null : Course.valueOf(v.textValue());
            if (value != line.course) {
                line.course = value;
                changed = true;
            }
        }
        if ((v = data.get("modifiers")) != null) {
            Set<String> value = v.isNull() ? null : strings(v, new LinkedHashSet<>());
            if (!Objects.equals(value, line.modifiers)) {
                line.modifiers = value;
                changed = true;
            }
        }
        if ((v = data.get("options")) != null) {
            Map<String, Integer> value = null;
            if (!v.isNull()) {
                value = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> option = it.next();
                    value.put(option.getKey(), option.getValue().isNull() ? null : option.getValue().intValue());
                }
            }
            if (!Objects.equals(value, line.options)) {
                line.options = value;
                changed = true;
            }
        }
        return changed;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static <T> T parse(JsonNode node, Function<String, T> parser) {
        return node.isNull() ? null : parser.apply(node.textValue());
    }

    private static void putStrings(ObjectNode json, String key, Iterable<String> values) {
        if (values == null) {
            json.putNull(key);
            return;
        }
        ArrayNode array = json.putArray(key);
        for (String value : values) {
            array.add(value);
        }
    }

    private static <C extends java.util.Collection<String>> C strings(JsonNode array, C into) {
        for (JsonNode element : array) {
            into.add(element.textValue());
        }
        return into;
    }

    private static Map<String, String> tags(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            tags.put(tag.getKey(), tag.getValue().textValue());
        }
        return tags;
    }

    private static Money money(JsonNode node) {
        return node.isNull() ? null : new Money(node.get("amount").decimalValue(), node.get("currency").textValue());
    }
}
