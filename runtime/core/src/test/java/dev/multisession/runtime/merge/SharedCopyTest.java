package dev.multisession.runtime.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.runtime.protocol.Author;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A copy that shares what a change leaves alone (every kind of operation: {@code MergeEngineTest}). */
class SharedCopyTest {

    private static ObjectNode json(String singleQuoted) throws Exception {
        return (ObjectNode) MessageCodec.instance().mapper().readTree(singleQuoted.replace('\'', '"'));
    }

    private static final List<PathStep> L1_QTY = List.of(PathStep.key("lines"),
            PathStep.element("uid", TextNode.valueOf("L1")), PathStep.key("qty"));

    @Test
    void aChangeCopiesOnlyTheContainersOnItsPath() throws Exception {
        ObjectNode original = json("{'customer':{'name':'Ann'},'lines':[{'uid':'L1','qty':1},{'uid':'L2','qty':2}]}");
        SharedCopy copy = SharedCopy.of(original);

        copy.own(L1_QTY);
        MergeEngine.instance().apply(copy.root(), new Op.Add(L1_QTY, IntNode.valueOf(1)));

        ObjectNode root = copy.root();
        assertEquals(2, root.at("/lines/0/qty").asInt());
        assertEquals(1, original.at("/lines/0/qty").asInt());
        assertSame(original.get("customer"), root.get("customer"), "not on the path: shared");
        assertSame(original.at("/lines/1"), root.at("/lines/1"), "another element: shared");
        assertNotSame(original.get("lines"), root.get("lines"));
        assertNotSame(original.at("/lines/0"), root.at("/lines/0"));
    }

    @Test
    void aContainerIsCopiedOnceForAllTheOperationsOfOneChange() throws Exception {
        SharedCopy copy = SharedCopy.of(json("{'lines':[{'uid':'L1','qty':1}]}"));

        copy.own(L1_QTY);
        JsonNode line = copy.root().at("/lines/0");
        MergeEngine.instance().apply(copy.root(), new Op.Add(L1_QTY, IntNode.valueOf(1)));
        copy.own(L1_QTY);

        assertSame(line, copy.root().at("/lines/0"), "the copy's own line is changed in place");
        MergeEngine.instance().apply(copy.root(), new Op.Add(L1_QTY, IntNode.valueOf(1)));
        assertEquals(3, copy.root().at("/lines/0/qty").asInt());
    }

    @Test
    void infoRecordedOnACopyIsWhatRecordingInPlaceGivesAndTheStoredInfoStaysAsItWas() throws Exception {
        ObjectNode stored = OrderInfo.empty();
        Author anna = new Author("T1", "anna", Instant.parse("2026-12-03T10:00:00Z"));
        OrderInfo.record(stored, List.of(new Op.Add(L1_QTY, IntNode.valueOf(1)),
                new Op.Set(List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf("L2")),
                        PathStep.key("note")), TextNode.valueOf("x"))), anna);
        ObjectNode before = stored.deepCopy();
        Author bob = new Author("T2", "bob", Instant.parse("2026-12-03T11:00:00Z"));
        List<Op> applied = List.of(new Op.Add(L1_QTY, IntNode.valueOf(1)),
                new Op.Delete(List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf("L2")))));

        ObjectNode onCopy = OrderInfo.recordOnCopy(stored, applied, bob);
        ObjectNode inPlace = stored.deepCopy();
        OrderInfo.record(inPlace, applied, bob);

        assertEquals(inPlace, onCopy);
        assertEquals(before, stored, "the stored info is not changed");
        assertEquals("anna", onCopy.at("/elements/lines/L1/created/user").asText());
        assertEquals("bob", onCopy.at("/elements/lines/L1/changed/user").asText());
    }
}
