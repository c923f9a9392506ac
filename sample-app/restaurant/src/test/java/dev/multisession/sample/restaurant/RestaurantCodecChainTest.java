package dev.multisession.sample.restaurant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.FieldShape;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.codec.SyncedField;
import dev.multisession.sample.pos.Partner;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The restaurant codecs are generated in this module, against the core model's jar: these tests
 * prove they chain to the core model's generated code for the inherited fields.
 */
class RestaurantCodecChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MultiSessionCodec<RestaurantOrder> orders = MultiSessionCodecs.forClass(RestaurantOrder.class);

    @Test
    void theCodecIsTheOneGeneratedForTheExtension() {
        assertEquals("dev.multisession.sample.restaurant.RestaurantOrder_MultiSession", orders.getClass().getName());
        assertEquals(RestaurantOrder.class, orders.modelType());
        assertEquals("dev.multisession.sample.restaurant.RestaurantOrderline_MultiSession",
                MultiSessionCodecs.forClass(RestaurantOrderline.class).getClass().getName());
    }

    @Test
    void exportWritesInheritedFieldsFirstThenTheExtensionsOwn() {
        RestaurantOrder order = sampleOrder();

        ObjectNode json = orders.exportAsJson(order);

        List<String> keys = iterableToList(json.fieldNames());
        assertEquals(List.of("uid", "lines", "partner", "note", "created_at", "table", "floor", "guests", "order_note"),
                keys);
        JsonNode line = json.get("lines").get(0);
        assertEquals(List.of("uid", "product", "price", "discount", "note", "qty",
                "kitchen_note", "fired", "sent_qty", "kitchen_state"), iterableToList(line.fieldNames()));
        assertEquals("TO_SEND", line.get("kitchen_state").asText());
        assertEquals("well done", line.get("kitchen_note").asText());
        assertEquals("T4", json.get("table").asText());
        assertEquals(3, json.get("guests").asInt());
    }

    @Test
    void initCreatesRestaurantLinesWithInheritedAndOwnFields() {
        RestaurantOrder original = sampleOrder();
        ObjectNode exported = orders.exportAsJson(original);

        RestaurantOrder copy = orders.newInstance();
        orders.initFromJson(copy, exported);

        assertEquals(exported, orders.exportAsJson(copy));
        RestaurantOrderline line = assertInstanceOf(RestaurantOrderline.class, copy.getLines().get(0));
        assertEquals("Steak", line.getProduct());
        assertEquals(2, line.getQty());
        assertEquals("well done", line.getKitchenNote());
        assertEquals(KitchenState.TO_SEND, line.getKitchenState());
        assertEquals("Ada", copy.getPartner().getName());
        assertEquals("Terrace", copy.getFloor());
    }

    @Test
    void applyChangesInheritedAndOwnFieldsAndMatchesLinesByUid() {
        RestaurantOrder order = sampleOrder();
        RestaurantOrderline steak = order.getLines().get(0);
        RestaurantOrderline wine = order.getLines().get(1);
        ObjectNode update = orders.exportAsJson(order);
        ObjectNode steakJson = (ObjectNode) update.get("lines").get(0);
        steakJson.put("qty", 3).put("kitchen_state", "SENT").put("sent_qty", 3);
        ArrayNode lines = JSON.createArrayNode().add(steakJson).add(orders.exportAsJson(withLine("Salad")).get("lines").get(0));
        ObjectNode data = JSON.createObjectNode();
        data.set("lines", lines);
        data.put("table", "T5").put("note", "birthday");

        Set<String> changed = orders.applyMsData(order, data);

        assertEquals(Set.of("lines", "table", "note"), changed);
        assertSame(steak, order.getLines().get(0), "an existing line keeps its identity");
        assertEquals(3, steak.getQty());
        assertEquals(KitchenState.SENT, steak.getKitchenState());
        RestaurantOrderline salad = assertInstanceOf(RestaurantOrderline.class, order.getLines().get(1));
        assertEquals("Salad", salad.getProduct());
        assertTrue(order.line(wine.getUid()).isEmpty(), "a line missing from the data is removed");
        assertEquals("T5", order.getTable());
        assertEquals("birthday", order.getNote());
    }

    @Test
    void inheritedFieldMetadataKeepsTheCounterAndTheConcreteLineCodec() {
        SyncedField lines = field(orders, "lines");
        assertEquals(FieldShape.MODEL_COLLECTION, lines.shape());
        assertEquals(RestaurantOrderline.class, lines.elementCodec().modelType());
        assertEquals(Merge.COUNTER, field(lines.elementCodec(), "qty").merge());
        assertEquals(Merge.LAST_WRITER_WINS, field(lines.elementCodec(), "kitchen_state").merge());
        assertEquals("uid", orders.idKey().orElseThrow());
        assertEquals(List.of("uid", "lines", "partner", "note", "created_at", "table", "floor", "guests", "order_note"),
                orders.fields().stream().map(SyncedField::jsonKey).collect(Collectors.toList()));
    }

    private static RestaurantOrder sampleOrder() {
        RestaurantOrder order = RestaurantOrder.open("T4", "Terrace", 3, Instant.parse("2025-03-01T19:30:00Z"));
        order.setPartner(new Partner("p-1", "Ada", "555-0100"));
        order.addProduct("Steak", new BigDecimal("24.00"), 2).setKitchenNote("well done");
        order.addProduct("Wine", new BigDecimal("7.50"), 1);
        return order;
    }

    private static RestaurantOrder withLine(String product) {
        RestaurantOrder order = new RestaurantOrder();
        order.addProduct(product, new BigDecimal("9.00"), 1);
        return order;
    }

    private static SyncedField field(MultiSessionCodec<?> codec, String key) {
        return codec.fields().stream().filter(f -> f.jsonKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no synced field " + key + " in " + codec.fields()));
    }

    private static List<String> iterableToList(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
