package dev.multisession.sample.pos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.FieldShape;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.codec.SyncedField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codecs generated for the core model, used the way the sync runtime uses them. */
class OrderCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private final MultiSessionCodec<Order<Orderline>> orders = (MultiSessionCodec) MultiSessionCodecs.forClass(Order.class);

    @Test
    void exportWritesEveryFieldWithNestedPartnerAndLines() {
        Order<Orderline> order = new Order<>("o-1", Instant.parse("2025-03-01T19:30:00Z"));
        order.setPartner(new Partner("p-7", "Ada", null));
        order.addLine(new Orderline("Pizza", new BigDecimal("11.50"), 2));

        ObjectNode json = orders.exportAsJson(order);

        assertEquals("o-1", json.get("uid").asText());
        assertEquals("2025-03-01T19:30:00Z", json.get("created_at").asText());
        assertTrue(json.get("note").isNull());
        assertEquals("Ada", json.get("partner").get("name").asText());
        assertTrue(json.get("partner").get("phone").isNull());
        JsonNode line = json.get("lines").get(0);
        assertEquals("Pizza", line.get("product").asText());
        assertEquals(0, new BigDecimal("11.50").compareTo(line.get("price").decimalValue()));
        assertEquals(2, line.get("qty").asInt());
    }

    @Test
    void initThenExportGivesTheSameJson() {
        Order<Orderline> order = new Order<>("o-2", Instant.parse("2025-03-01T19:30:00Z"));
        order.setNote("window seat");
        order.setPartner(new Partner("p-1", "Grace", "555-0100"));
        order.addLine(new Orderline("Soup", new BigDecimal("6.00"), 1));
        ObjectNode exported = orders.exportAsJson(order);

        Order<Orderline> copy = orders.newInstance();
        orders.initFromJson(copy, exported);

        assertEquals(exported, orders.exportAsJson(copy));
        assertEquals("Grace", copy.getPartner().getName());
        assertEquals(new BigDecimal("6.00"), copy.total());
    }

    @Test
    void applyUpdatesLinesInPlaceByUid() throws Exception {
        Order<Orderline> order = new Order<>("o-3", Instant.EPOCH);
        Orderline soup = new Orderline("Soup", new BigDecimal("6"), 1);
        order.addLine(soup);
        ObjectNode data = (ObjectNode) JSON.readTree("{\"lines\":[{\"uid\":\"" + soup.getUid()
                + "\",\"product\":\"Soup\",\"price\":6,\"discount\":0,\"note\":\"no salt\",\"qty\":3}]}");

        Set<String> changed = orders.applyMsData(order, data);

        assertTrue(changed.contains("lines"));
        assertSame(soup, order.getLines().get(0));
        assertEquals(3, soup.getQty());
        assertEquals("no salt", soup.getNote());
    }

    @Test
    void applyOfAnExplicitNullClearsTheField() throws Exception {
        Order<Orderline> order = new Order<>("o-4", Instant.EPOCH);
        order.setNote("to clear");

        orders.applyMsData(order, JSON.readTree("{\"note\":null}"));

        assertNull(order.getNote());
    }

    @Test
    void quantityIsACounterAndLinesAreMatchedByUid() {
        SyncedField lines = field(orders, "lines");
        assertEquals(FieldShape.MODEL_COLLECTION, lines.shape());
        assertEquals("uid", lines.elementIdKey().orElseThrow());
        assertEquals(Merge.COUNTER, field(lines.elementCodec(), "qty").merge());
        assertEquals(Merge.LAST_WRITER_WINS, field(lines.elementCodec(), "price").merge());
        assertEquals(FieldShape.MODEL, field(orders, "partner").shape());
    }

    static SyncedField field(MultiSessionCodec<?> codec, String key) {
        return codec.fields().stream().filter(f -> f.jsonKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no synced field " + key + " in " + codec.fields()));
    }
}
