package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.multisession.annotations.Merge;
import dev.multisession.runtime.codec.FieldShape;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.codec.SyncedField;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderChainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static RestaurantOrder order() throws Exception {
        MultiSessionCodec<RestaurantOrder> codec = MultiSessionCodecs.forClass(RestaurantOrder.class);
        RestaurantOrder order = codec.newInstance();
        codec.initFromJson(order, json("{'uid': 'o1', 'name': 'Order 1', 'table_id': 'T4', 'guests': 2, 'lines': ["
                + "{'uid': 'a', 'product_id': 10, 'qty': 1},"
                + "{'uid': 'b', 'product_id': 11, 'qty': 2, 'kitchen_printed': true},"
                + "{'uid': 'c', 'product_id': 12, 'qty': 3}]}"));
        return order;
    }

    @Test
    void theSubclassCodecIsTheGeneratedOne() {
        assertSame(RestaurantOrder_MultiSession.INSTANCE, MultiSessionCodecs.forClass(RestaurantOrder.class));
    }

    @Test
    void exportChainsThroughTheClassInBetweenToTheBase() throws Exception {
        RestaurantOrder order = order();
        order.localDiscount = 0.5;
        JsonNode exported = MultiSessionCodecs.forClass(RestaurantOrder.class).exportAsJson(order);
        assertEquals(List.of("uid", "name", "lines", "table_id", "guests"), fieldNames(exported));
        assertEquals("T4", exported.get("table_id").textValue());
        assertTrue(exported.get("lines").get(1).get("kitchen_printed").booleanValue());
    }

    @Test
    void aBoundTypeVariableGivesLinesOfTheBoundType() throws Exception {
        RestaurantOrder order = order();
        assertEquals(3, order.lines.size());
        order.lines.forEach(line -> assertInstanceOf(RestaurantOrderline.class, line));
        assertTrue(order.lines.get(1).kitchenPrinted);
        assertEquals(Course.MAIN, order.lines.get(0).course);
    }

    @Test
    void theBaseClassAloneUsesTheBound() throws Exception {
        MultiSessionCodec<Order<Orderline>> codec = Order_MultiSession.INSTANCE;
        Order<Orderline> order = codec.newInstance();
        codec.initFromJson(order, json("{'uid': 'o2', 'lines': [{'uid': 'x', 'qty': 4}]}"));
        assertEquals(Orderline.class, order.lines.get(0).getClass());
        assertEquals(4, order.lines.get(0).quantity);
    }

    @Test
    void linesAreAppliedByIdInPlaceInTheIncomingOrder() throws Exception {
        RestaurantOrder order = order();
        RestaurantOrderline a = order.lines.get(0);
        RestaurantOrderline b = order.lines.get(1);
        List<RestaurantOrderline> list = order.lines;

        Set<String> changed = MultiSessionCodecs.forClass(RestaurantOrder.class).applyMsData(order, json(
                "{'lines': [{'uid': 'b', 'qty': 5}, {'uid': 'd', 'product_id': 13, 'kitchen_printed': true},"
                        + " {'uid': 'a'}]}"));

        assertEquals(Set.of("lines"), changed);
        assertSame(list, order.lines);
        assertEquals(List.of("b", "d", "a"), order.lines.stream().map(l -> l.uid).toList());
        assertSame(b, order.lines.get(0));
        assertSame(a, order.lines.get(2));
        assertEquals(5, b.quantity);
        assertInstanceOf(RestaurantOrderline.class, order.lines.get(1));
        assertTrue(order.lines.get(1).kitchenPrinted);
        assertEquals(1, a.quantity);
    }

    @Test
    void anUnchangedLineListReportsNothingAndAChangedLineReportsTheKey() throws Exception {
        RestaurantOrder order = order();
        MultiSessionCodec<RestaurantOrder> codec = MultiSessionCodecs.forClass(RestaurantOrder.class);
        JsonNode same = codec.exportAsJson(order).deepCopy();
        assertTrue(codec.applyMsData(order, same).isEmpty());

        assertEquals(Set.of("lines"), codec.applyMsData(order, json(
                "{'lines': [{'uid': 'a', 'note': 'no ice'}, {'uid': 'b'}, {'uid': 'c'}]}")));
        assertEquals("no ice", order.lines.get(0).note);
        assertEquals(Set.of("lines"), codec.applyMsData(order, json("{'lines': [{'uid': 'b'}, {'uid': 'a'},"
                + " {'uid': 'c'}]}")));
    }

    @Test
    void fieldMetadataListsAncestorsFirstWithTheBoundElementCodec() {
        List<SyncedField> fields = MultiSessionCodecs.forClass(RestaurantOrder.class).fields();
        assertEquals(List.of("uid", "name", "lines", "table_id", "guests"),
                fields.stream().map(SyncedField::jsonKey).toList());
        assertEquals(FieldShape.ID, fields.get(0).shape());
        assertEquals(FieldShape.MODEL_COLLECTION, fields.get(2).shape());
        assertSame(RestaurantOrderline_MultiSession.INSTANCE, fields.get(2).elementCodec());
        assertEquals(Optional.of("uid"), fields.get(2).elementIdKey());
        assertEquals(Optional.of("uid"), MultiSessionCodecs.forClass(RestaurantOrder.class).idKey());

        List<SyncedField> lineFields = RestaurantOrderline_MultiSession.INSTANCE.fields();
        assertEquals(List.of("uid", "product_id", "qty", "note", "kitchen_printed", "course"),
                lineFields.stream().map(SyncedField::jsonKey).toList());
        assertEquals(Merge.COUNTER, lineFields.get(2).merge());
    }

    @Test
    void aSubclassThatOnlyInheritsGetsACodecOfItsOwnType() throws Exception {
        MultiSessionCodec<TakeawayOrder> codec = MultiSessionCodecs.forClass(TakeawayOrder.class);
        assertSame(codec, MultiSessionCodecs.forClass(TakeawayOrder.class));
        assertEquals(TakeawayOrder.class, codec.modelType());

        TakeawayOrder order = codec.newInstance();
        assertInstanceOf(TakeawayOrder.class, order);
        codec.initFromJson(order, json("{'uid': 't1', 'table_id': 'counter', 'lines': [{'uid': 'x'}]}"));
        assertEquals("counter", order.tableId);
        assertInstanceOf(RestaurantOrderline.class, order.lines.get(0));
        assertEquals(Set.of("guests"), codec.applyMsData(order, json("{'guests': 3, 'uid': 'other'}")));
        assertEquals("t1", order.uid);
        assertEquals(5, codec.fields().size());
        assertEquals("t1", codec.exportAsJson(order).get("uid").textValue());
    }

    @Test
    void aSubclassThatOnlyInheritsAndBindsTheLineTypeGetsLinesOfThatType() throws Exception {
        MultiSessionCodec<BarOrder> codec = MultiSessionCodecs.forClass(BarOrder.class);
        BarOrder order = codec.newInstance();
        codec.initFromJson(order, json("{'uid': 'b1', 'lines': [{'uid': 'x', 'kitchen_printed': true}]}"));
        assertInstanceOf(RestaurantOrderline.class, order.lines.get(0));
        assertTrue(order.lines.get(0).kitchenPrinted);
        assertSame(RestaurantOrderline_MultiSession.INSTANCE, codec.fields().get(2).elementCodec());
    }

    @Test
    void anAbstractModelHasACodecThatCannotCreateInstances() {
        MultiSessionCodec<?> codec = MultiSessionCodecs.forClass(DiscountedOrder.class);
        UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class, codec::newInstance);
        assertTrue(error.getMessage().contains("abstract"), error.getMessage());
    }

    @Test
    void counterFieldsAreAppliedLikeValues() throws Exception {
        RestaurantOrder order = order();
        MultiSessionCodec<RestaurantOrderline> lines = MultiSessionCodecs.forClass(RestaurantOrderline.class);
        RestaurantOrderline line = order.lines.get(2);
        assertEquals(Set.of("qty"), lines.applyMsData(line, json("{'qty': 7}")));
        assertEquals(7, line.quantity);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
