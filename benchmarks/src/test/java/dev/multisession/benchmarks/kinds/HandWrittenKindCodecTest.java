package dev.multisession.benchmarks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.benchmarks.fixture.BindingMapper;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The three codecs the every-kind benchmark compares do the same work on the same order. */
class HandWrittenKindCodecTest {

    private final MultiSessionCodec<KindOrder> generated = MultiSessionCodecs.forClass(KindOrder.class);

    @Test
    void exportsTheSameJsonAsTheGeneratedCodec() {
        KindOrder order = KindOrders.withLines(10);
        assertEquals(generated.exportAsJson(order), HandWrittenKindCodec.export(order));
    }

    @Test
    void initReadsBackWhatTheGeneratedCodecWrote() {
        ObjectNode json = generated.exportAsJson(KindOrders.withLines(10));
        KindOrder order = new KindOrder();
        HandWrittenKindCodec.init(order, json);
        assertEquals(json, generated.exportAsJson(order));
    }

    @Test
    void applyChangesTheSameKeysInPlaceAsTheGeneratedCodec() {
        ObjectNode edited = generated.exportAsJson(KindOrders.edited(KindOrders.withLines(10)));
        KindOrder byGenerated = KindOrders.withLines(10);
        KindOrder byHand = KindOrders.withLines(10);
        KindLine kept = byHand.lines.get(5);
        Guest guest = byHand.guest;

        Set<String> generatedKeys = generated.applyMsData(byGenerated, edited);
        Set<String> handKeys = HandWrittenKindCodec.apply(byHand, edited);

        assertEquals(Set.of("lines", "guest", "tags", "course"), generatedKeys);
        assertEquals(generatedKeys, handKeys);
        assertEquals(edited, generated.exportAsJson(byHand));
        assertSame(kept, byHand.lines.get(5));
        assertSame(guest, byHand.guest);
        assertEquals(Set.of(), HandWrittenKindCodec.apply(byHand, edited));
        assertEquals(Set.of(), generated.applyMsData(byGenerated, edited));
    }

    @Test
    void dataBindingReadsBackTheSameValues() throws Exception {
        KindOrder order = KindOrders.withLines(10);
        JsonNode tree = BindingMapper.mapper().valueToTree(order);
        KindOrder read = BindingMapper.mapper().treeToValue(tree, KindOrder.class);
        // data binding normalises offsets to UTC and keeps sets unordered: compared by value
        assertTrue(order.promisedAt.isEqual(read.promisedAt));
        assertTrue(order.reservedAt.isEqual(read.reservedAt));
        assertEquals(order.labels, read.labels);
        assertEquals(order.tags, read.tags);
        assertEquals(order.tip, read.tip);
        assertEquals(order.guest.loyaltyId, read.guest.loyaltyId);
        assertEquals(order.lines.size(), read.lines.size());
        assertEquals(order.lines.get(3).options, read.lines.get(3).options);
        assertEquals(order.lines.get(3).modifiers, read.lines.get(3).modifiers);
        assertEquals(order.billingMonth, read.billingMonth);
        assertEquals(order.zone, read.zone);
    }
}
