package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllTypesRoundTripTest {

    /** Parses decimals exactly, as a terminal must to keep BigDecimal amounts. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private final MultiSessionCodec<AllTypes> codec = MultiSessionCodecs.forClass(AllTypes.class);

    static AllTypes filled() {
        AllTypes all = new AllTypes();
        all.uid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        all.flag = true;
        all.smallByte = 12;
        all.smallShort = 1234;
        all.count = 42;
        all.big = 9_000_000_000L;
        all.ratio = 0.5f;
        all.price = 12.75;
        all.letter = 'z';
        all.boxedFlag = Boolean.FALSE;
        all.boxedInt = 5;
        all.boxedLong = 6L;
        all.boxedDouble = 7.5;
        all.text = "hello";
        all.amount = new BigDecimal("19.90");
        all.huge = new BigInteger("123456789012345678901234567890");
        all.course = Course.DESSERT;
        all.reference = UUID.fromString("00000000-0000-0000-0000-000000000001");
        all.instant = Instant.parse("2024-05-01T12:30:00Z");
        all.date = LocalDate.of(2024, 5, 1);
        all.dateTime = LocalDateTime.of(2024, 5, 1, 12, 30);
        all.time = LocalTime.of(12, 30, 15);
        all.offsetDateTime = OffsetDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.ofHours(2));
        all.zonedDateTime = ZonedDateTime.of(2024, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC);
        all.duration = Duration.ofMinutes(95);
        all.notes = new ArrayList<>(List.of("no onions", "well done"));
        all.seats = new LinkedHashSet<>(List.of(3, 1, 2));
        all.taxes = new LinkedHashMap<>();
        all.taxes.put("vat", new BigDecimal("0.21"));
        all.courses = new ArrayList<>(List.of(Course.STARTER, Course.MAIN));
        all.tip = new Money(new BigDecimal("2.50"), "EUR");
        all.payments = new ArrayList<>(List.of(new Money(BigDecimal.TEN, "EUR")));
        all.customer = customer(1, "Ann");
        all.customers = new ArrayList<>(List.of(customer(2, "Bob"), customer(3, "Cid")));
        all.regulars = new LinkedHashSet<>(List.of(customer(4, "Dee")));
        Tag tag = new Tag();
        tag.label = "vegan";
        all.tags = new ArrayList<>(List.of(tag));
        all.setSecret("s3cret");
        all.setVip(true);
        all.nickname("Ace");
        return all;
    }

    static Customer customer(long id, String name) {
        Customer customer = new Customer();
        customer.id = id;
        customer.name = name;
        return customer;
    }

    @Test
    void exportWritesEveryTypeInItsJsonForm() {
        ObjectNode json = codec.exportAsJson(filled());

        assertEquals("123e4567-e89b-12d3-a456-426614174000", json.get("uid").textValue());
        assertTrue(json.get("flag").booleanValue());
        assertEquals(12, json.get("smallByte").intValue());
        assertEquals(9_000_000_000L, json.get("big").longValue());
        assertEquals("z", json.get("letter").textValue());
        assertEquals(new BigDecimal("19.90"), json.get("amount").decimalValue());
        assertEquals("123456789012345678901234567890", json.get("huge").bigIntegerValue().toString());
        assertEquals("DESSERT", json.get("course").textValue());
        assertEquals("2024-05-01T12:30:00Z", json.get("instant").textValue());
        assertEquals("2024-05-01", json.get("date").textValue());
        assertEquals("2024-05-01T12:30", json.get("dateTime").textValue());
        assertEquals("12:30:15", json.get("time").textValue());
        assertEquals("2024-05-01T12:30+02:00", json.get("offsetDateTime").textValue());
        assertEquals("PT1H35M", json.get("duration").textValue());
        assertEquals("[\"no onions\",\"well done\"]", json.get("notes").toString());
        assertEquals("[3,1,2]", json.get("seats").toString());
        assertEquals("{\"vat\":0.21}", json.get("taxes").toString());
        assertEquals("{\"amt\":2.50,\"cur\":\"EUR\"}", json.get("tip").toString());
        assertEquals("{\"id\":1,\"name\":\"Ann\"}", json.get("customer").toString());
        assertEquals(2, json.get("customers").size());
        assertEquals("s3cret", json.get("secret_code").textValue());
        assertTrue(json.get("vip").booleanValue());
        assertEquals("Ace", json.get("nickname").textValue());
        assertTrue(json.get("boxedInt").isNumber());
    }

    @Test
    void exportWritesNullsAsJsonNull() {
        AllTypes empty = new AllTypes();
        ObjectNode json = codec.exportAsJson(empty);
        assertTrue(json.get("text").isTextual());
        assertTrue(json.get("amount").isNull());
        assertTrue(json.get("customer").isNull());
        assertTrue(json.get("tags").isNull());
    }

    @Test
    void initFromExportGivesAnEqualExport() throws Exception {
        ObjectNode exported = codec.exportAsJson(filled());
        // through text, as a terminal receives it
        JsonNode received = JSON.readTree(exported.toString());

        AllTypes copy = codec.newInstance();
        codec.initFromJson(copy, received);

        assertEquals(exported.toString(), codec.exportAsJson(copy).toString());
        assertEquals(new Money(new BigDecimal("2.50"), "EUR"), copy.tip);
        assertEquals('z', copy.letter);
        assertEquals(Set.of(1, 2, 3), copy.seats);
        assertEquals("Bob", copy.customers.get(0).name);
        assertEquals("s3cret", copy.getSecret());
        assertEquals("Ace", copy.nickname());
    }

    @Test
    void initKeepsConstructorValuesOfMissingKeys() throws Exception {
        AllTypes fresh = codec.newInstance();
        codec.initFromJson(fresh, JSON.readTree("{\"big\": 3}"));
        assertEquals(3L, fresh.big);
        assertEquals(7, fresh.count);
        assertEquals("default", fresh.text);
        assertEquals('a', fresh.letter);
    }

    @Test
    void applyReportsOnlyKeysWhoseValueChanged() throws Exception {
        AllTypes model = filled();
        JsonNode same = JSON.readTree(codec.exportAsJson(model).toString());

        assertTrue(codec.applyMsData(model, same).isEmpty());

        Set<String> changed = codec.applyMsData(model, JSON.readTree(
                "{\"count\": 43, \"text\": \"hello\", \"date\": \"2024-06-01\", \"seats\": [3, 1, 2],"
                        + " \"secret_code\": \"other\", \"vip\": true}"));
        assertEquals(Set.of("count", "date", "secret_code"), changed);
        assertEquals(43, model.count);
        assertEquals(LocalDate.of(2024, 6, 1), model.date);
        assertEquals("other", model.getSecret());
    }

    @Test
    void applyLeavesAbsentKeysAloneIgnoresUnknownKeysAndClearsOnNull() throws Exception {
        AllTypes model = filled();
        Set<String> changed = codec.applyMsData(model, JSON.readTree(
                "{\"text\": null, \"customer\": null, \"from_a_newer_terminal\": 1}"));
        assertEquals(Set.of("text", "customer"), changed);
        assertNull(model.text);
        assertNull(model.customer);
        assertEquals(42, model.count);
        assertEquals("no onions", model.notes.get(0));
    }

    @Test
    void nullForAPrimitiveIsAnErrorNamingTheKey() throws Exception {
        AllTypes model = filled();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> codec.applyMsData(model, JSON.readTree("{\"count\": null}")));
        assertTrue(error.getMessage().contains("'count'"), error.getMessage());
        assertEquals(42, model.count);
    }

    @Test
    void aWrongJsonTypeIsAnErrorNamingTheKey() throws Exception {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> codec.applyMsData(filled(), JSON.readTree("{\"big\": \"many\"}")));
        assertTrue(error.getMessage().contains("'big'"), error.getMessage());
    }

    @Test
    void theIdIsNeverChangedByApply() throws Exception {
        AllTypes model = filled();
        UUID before = model.uid;
        Set<String> changed = codec.applyMsData(model, JSON.readTree(
                "{\"uid\": \"00000000-0000-0000-0000-000000000009\"}"));
        assertTrue(changed.isEmpty());
        assertSame(before, model.uid);
    }

    @Test
    void aNestedModelIsAppliedInPlace() throws Exception {
        AllTypes model = filled();
        Customer ann = model.customer;
        Set<String> changed = codec.applyMsData(model, JSON.readTree("{\"customer\": {\"name\": \"Anna\"}}"));
        assertEquals(Set.of("customer"), changed);
        assertSame(ann, model.customer);
        assertEquals("Anna", ann.name);
        assertTrue(codec.applyMsData(model, JSON.readTree("{\"customer\": {\"name\": \"Anna\"}}")).isEmpty());
    }

    @Test
    void aSetOfModelsIsAppliedById() throws Exception {
        AllTypes model = filled();
        Customer dee = model.regulars.iterator().next();
        Set<String> changed = codec.applyMsData(model, JSON.readTree(
                "{\"regulars\": [{\"id\": 5, \"name\": \"Eve\"}, {\"id\": 4, \"name\": \"Dee\"}]}"));
        assertEquals(Set.of("regulars"), changed);
        List<Customer> regulars = new ArrayList<>(model.regulars);
        assertEquals("Eve", regulars.get(0).name);
        assertSame(dee, regulars.get(1));
    }

    @Test
    void aCollectionOfModelsWithoutIdIsReplacedWhenItDiffers() throws Exception {
        AllTypes model = filled();
        assertTrue(codec.applyMsData(model, JSON.readTree("{\"tags\": [{\"label\": \"vegan\"}]}")).isEmpty());
        Set<String> changed = codec.applyMsData(model, JSON.readTree("{\"tags\": [{\"label\": \"spicy\"}]}"));
        assertEquals(Set.of("tags"), changed);
        assertEquals("spicy", model.tags.get(0).label);
        assertFalse(model.tags.size() != 1);
    }
}
