package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * An edit whose operations break the protocol's limits (here a note of 10,001 characters) would
 * be refused by the hub as {@code malformed} without consuming its mutation id, so it would stay
 * first in the terminal's outbox and hold back every later edit of that terminal for good. The
 * terminal refuses it instead, as it refuses an edit that breaks the id rules: the app gets an
 * {@link IllegalArgumentException}, nothing is sent, and the edit that repairs it goes through.
 * Over real sockets to a hub bound to the model.
 */
class EditBeyondTheLimitsTest {

    @Test
    void anEditTheHubWouldRefuseAsMalformedIsRefusedByTheTerminalAndHoldsNothingBack() throws Exception {
        try (ModelBoundHub hub = new ModelBoundHub();
                TestTerminal a = hub.terminal("A")) {
            String uid = a.onUi(() -> a.terminal.newOrder(o -> o.guests = 2).uid);
            Eventually.await(a::idle, "the order confirmed", 60);

            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> a.run(() -> a.terminal.edit(a.terminal.order(uid), o -> o.note = "x".repeat(10_001))));
            String message = refused.getCause().getMessage();
            assertTrue(refused.getCause() instanceof IllegalArgumentException, String.valueOf(refused.getCause()));
            assertTrue(message.contains("[note]") && message.contains("longer than 10000 characters")
                    && message.endsWith("nothing was sent"), message);

            a.run(() -> a.terminal.edit(a.terminal.order(uid), o -> {
                o.note = "window seat";
                o.guests = 4;
            }));
            Eventually.await(() -> {
                ObjectNode stored = hub.store.inSession("bistro", tx -> tx.order(uid).orElseThrow().data());
                return stored.path("guests").asInt() == 4 && stored.path("note").asText().equals("window seat");
            }, "the repaired edit reaches the hub", 60);
            Eventually.await(a::idle, "nothing left to send", 60);
        }
    }
}
