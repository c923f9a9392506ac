package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.websocket.model.Order;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that creates an order under one uid with another id in its data (or with none) would
 * leave every Java terminal with an order it can never edit: a terminal keeps an order's id for
 * good and refuses, before sending anything, an edit whose export names another one. Over real
 * sockets: a raw client tries both on a hub bound to the model; each is rejected as
 * {@code invalid}, and a terminal that joins afterwards can edit every order it is shown.
 */
class OrderIdOfTheOrderTest {

    private static final String CREATE = "{\"type\":\"mutate\",\"runId\":1,\"baseRevision\":0,\"user\":null,";

    @Test
    void everyOrderTheHubAcceptsCarriesItsOwnIdSoEveryTerminalCanEditIt() throws Exception {
        try (ModelBoundHub hub = new ModelBoundHub();
                RawClient client = new RawClient()) {
            String first;
            try (TestTerminal honest = hub.terminal("A")) {
                first = honest.onUi(() -> honest.terminal.newOrder(o -> o.guests = 2).uid);
                Eventually.await(honest::idle, "A's order confirmed", 60);
            }

            RawClient.Connection raw = hub.greeted(client, "X");
            raw.send(CREATE + "\"mutationId\":1,\"order\":\"O7\",\"ops\":[{\"op\":\"set\",\"path\":[\"uid\"],"
                    + "\"value\":\"" + first + "\"},{\"op\":\"set\",\"path\":[\"guests\"],\"value\":4}]}");
            JsonNode otherId = raw.next("rejected");
            raw.send(CREATE + "\"mutationId\":2,\"order\":\"O8\",\"ops\":[{\"op\":\"set\",\"path\":[\"guests\"],"
                    + "\"value\":5}]}");
            JsonNode noId = raw.next("rejected");
            assertEquals("invalid", otherId.get("reason").asText(), otherId.toString());
            assertTrue(otherId.get("message").asText().contains("\"uid\" would be \"" + first + "\""), otherId.toString());
            assertEquals("invalid", noId.get("reason").asText(), noId.toString());
            assertTrue(noId.get("message").asText().contains("would have no \"uid\""), noId.toString());
            assertEquals(1, hub.store.readLog("bistro", 0, 10).size(), "only A's order was accepted");

            try (TestTerminal joining = hub.terminal("B")) {
                Eventually.await(() -> joining.idle() && joining.onUi(() -> joining.terminal.order(first)) != null,
                        "B has the session's orders", 60);
                List<String> refused = joining.onUi(() -> editEach(joining.terminal));
                assertEquals(List.of(), refused, "B can edit every order it is shown");
                Eventually.await(joining::idle, "B's edits confirmed", 60);
            }
        }
    }

    /** Adds a guest to each order the terminal shows; what it refused to send, by order. */
    private static List<String> editEach(Terminal<Order> terminal) {
        List<String> refused = new ArrayList<>();
        for (Order order : terminal.orders()) {
            try {
                terminal.edit(order, o -> o.guests++);
            } catch (IllegalArgumentException e) {
                refused.add(e.getMessage());
            }
        }
        return refused;
    }
}
