package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Terminals and a real hub over WebSocket connections on loopback: the sync engine's scenarios end to end. */
class WebSocketEndToEndTest {

    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private Hub hub;
    private HubServer server;
    private int port;
    private final List<TestTerminal> devices = new ArrayList<>();

    @BeforeEach
    void startHub() {
        hub = Hub.builder().store(new InMemoryHubStore()).build();
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        port = server.port();
    }

    @AfterEach
    void stopAll() {
        devices.forEach(TestTerminal::close);
        server.close();
        hub.close();
    }

    private TestTerminal device(String id) {
        TestTerminal device = new TestTerminal(id, URI.create("ws://localhost:" + port + "/ws"),
                tokens.issue("bistro", id));
        devices.add(device);
        return device;
    }

    @Test
    void newOrderOnAAppearsIdenticalOnBAndC() throws Exception {
        TestTerminal a = device("A");
        TestTerminal b = device("B");
        TestTerminal c = device("C");
        Order order = a.onUi(() -> a.terminal.newOrder(o -> {
            o.table = "T4";
            o.guests = 2;
            o.lines.add(new Orderline("L1", 17, new BigDecimal("4.50"), 2));
            o.lines.add(new Orderline("L2", 23, new BigDecimal("12.00"), 1));
        }));
        awaitConverged(order.uid, a, b, c);
        for (TestTerminal device : List.of(a, b, c)) {
            assertEquals(1L, (long) device.onUi(() -> device.terminal.number(device.terminal.order(order.uid))), device.id);
        }
        assertEquals("T4", b.json(order.uid).get("table_id").asText());
    }

    @Test
    void concurrentEditsOfOneOrderAllSurvive() throws Exception {
        TestTerminal a = device("A");
        TestTerminal b = device("B");
        Order onA = a.onUi(() -> a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 1))));
        awaitConverged(onA.uid, a, b);

        a.run(() -> a.terminal.edit(onA, o -> o.lines.add(new Orderline("LA", 7, BigDecimal.TEN, 1))));
        b.run(() -> {
            Order onB = b.terminal.order(onA.uid);
            b.terminal.edit(onB, o -> {
                o.lines.add(new Orderline("LB", 8, BigDecimal.TEN, 2));
                o.note = "from B";
                o.line("L1").qty += 2;
            });
        });
        awaitConverged(onA.uid, a, b);

        ObjectNode json = a.json(onA.uid);
        assertEquals("from B", json.get("note").asText());
        assertEquals(3, json.get("lines").size());
        assertEquals(3, a.onUi(() -> a.terminal.order(onA.uid).line("L1").qty));
    }

    @Test
    void counterTapsFromTwoTerminalsAddUp() throws Exception {
        TestTerminal a = device("A");
        TestTerminal b = device("B");
        Order order = a.onUi(() -> a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 1))));
        awaitConverged(order.uid, a, b);
        Order onB = b.onUi(() -> b.terminal.order(order.uid));
        for (int i = 0; i < 20; i++) {
            a.run(() -> a.terminal.edit(order, o -> o.line("L1").qty++));
            b.run(() -> b.terminal.edit(onB, o -> o.line("L1").qty++));
        }
        awaitConverged(order.uid, a, b);
        assertEquals(41, a.onUi(() -> a.terminal.order(order.uid).line("L1").qty));
    }

    @Test
    void editsMadeWhileTheHubIsDownReachEveryoneAfterItRestarts() throws Exception {
        TestTerminal a = device("A");
        TestTerminal b = device("B");
        Order order = a.onUi(() -> a.terminal.newOrder(o -> o.table = "T1"));
        awaitConverged(order.uid, a, b);

        server.close();
        Eventually.await(() -> !a.onUi(a.terminal::isOnline) && !b.onUi(b.terminal::isOnline), "both terminals offline", 20);
        a.run(() -> a.terminal.edit(order, o -> o.guests = 6));
        Order offline = b.onUi(() -> b.terminal.newOrder(o -> o.table = "T9"));
        b.run(() -> b.terminal.edit(b.terminal.order(order.uid), o -> o.note = "allergy"));

        server = HubServer.builder().host("127.0.0.1").port(port).hub(hub).tokens(tokens).start();
        awaitConverged(order.uid, a, b);
        awaitConverged(offline.uid, a, b);
        ObjectNode json = b.json(order.uid);
        assertEquals(6, json.get("guests").asInt());
        assertEquals("allergy", json.get("note").asText());
        assertNotNull(a.json(offline.uid));
    }

    private void awaitConverged(String uid, TestTerminal... devices) throws Exception {
        Eventually.await(() -> {
            ObjectNode first = null;
            for (TestTerminal device : devices) {
                if (!device.idle()) {
                    return false;
                }
                ObjectNode json = device.json(uid);
                if (json == null || (first != null && !first.equals(json))) {
                    return false;
                }
                first = json;
            }
            return true;
        }, "order " + uid + " converged", 20);
    }
}
