package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.merge.JsonValues;
import org.junit.jupiter.api.Test;

/**
 * An operation that conflicts leaves the order as it was, on the hub as on every terminal: the
 * hub broadcasts only the operations that applied, so anything a conflicting one left behind in
 * the hub's copy would be missing from the replicas of the terminals that follow the broadcasts,
 * and would reach only those that later take a snapshot. Over real sockets: one change clears an
 * order's lines (null) while another, made before it, edits a line and a plain field.
 */
class ConflictChangesNothingTest {

    private static final String MUTATE = "{\"type\":\"mutate\",\"runId\":1,\"order\":\"O1\",\"user\":null,";

    @Test
    void anEditOfALineOfClearedLinesLeavesThemClearedOnTheHubAndOnEveryTerminal() throws Exception {
        try (ModelBoundHub hub = new ModelBoundHub();
                RawClient client = new RawClient();
                TestTerminal following = hub.terminal("F")) {
            Eventually.await(following::idle, "F online", 60);
            RawClient.Connection raw = hub.greeted(client, "X");
            raw.send(MUTATE + "\"mutationId\":1,\"baseRevision\":0,\"ops\":[{\"op\":\"set\",\"path\":[\"uid\"],"
                    + "\"value\":\"O1\"},{\"op\":\"insert\",\"path\":[\"lines\",{\"uid\":\"L1\"}],\"value\":{\"uid\":\"L1\","
                    + "\"product_id\":7,\"qty\":1},\"afterId\":null}]}");
            raw.next("ack");
            raw.send(MUTATE + "\"mutationId\":2,\"baseRevision\":1,\"ops\":[{\"op\":\"set\",\"path\":[\"lines\"],"
                    + "\"value\":null}]}");
            raw.next("ack");
            // made on revision 1, before the lines were cleared
            raw.send(MUTATE + "\"mutationId\":3,\"baseRevision\":1,\"ops\":[{\"op\":\"set\",\"path\":[\"guests\"],"
                    + "\"value\":5},{\"op\":\"add\",\"path\":[\"lines\",{\"uid\":\"L1\"},\"qty\"],\"delta\":1}]}");
            JsonNode ack = raw.next("ack");
            assertEquals("element_removed", ack.get("dropped").get(0).get("reason").asText(), ack.toString());

            Eventually.await(() -> following.onUi(() -> following.terminal.lastSeq()) == 3, "F applied every change", 60);
            ObjectNode followed = following.onUi(() -> following.terminal.visibleState("O1"));
            ObjectNode stored = hub.store.inSession("bistro", tx -> tx.order("O1").orElseThrow().data());
            assertTrue(JsonValues.same(stored, followed),
                    "the hub holds what its broadcasts made: stored " + stored + ", on F " + followed);

            try (TestTerminal joining = hub.terminal("J")) {
                Eventually.await(() -> joining.onUi(() -> joining.terminal.lastSeq()) == 3, "J took the snapshot", 60);
                ObjectNode onJ = joining.json("O1");
                ObjectNode onF = following.json("O1");
                assertTrue(JsonValues.same(onF, onJ), "a terminal that joins shows what one that followed does: "
                        + onJ + " vs " + onF);
            }
        }
    }
}
