package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.InMemoryHubStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Terminals and a real hub over WebSocket connections on loopback: the sync engine's scenarios end to end. */
class WebSocketEndToEndTest {

    private static final MultiSessionCodec<Order> CODEC = MultiSessionCodecs.forClass(Order.class);

    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private Hub hub;
    private HubServer server;
    private int port;
    private final List<Device> devices = new ArrayList<>();

    /** A terminal with its own UI thread, reached over its own WebSocket connection. */
    private final class Device implements AutoCloseable {
        final String id;
        final ExecutorService ui;
        final Terminal<Order> terminal;

        Device(String id) {
            this.id = id;
            this.ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-" + id));
            WebSocketTerminalTransport transport = WebSocketTerminalTransport
                    .builder(java.net.URI.create("ws://localhost:" + port + "/ws"), tokens.issue("bistro", id))
                    .backoff(Duration.ofMillis(20), Duration.ofMillis(250))
                    .keepAlive(Duration.ofMillis(250), Duration.ofSeconds(1))
                    .build();
            this.terminal = Terminal.builder(Order.class).session("bistro").terminalId(id).user("waiter " + id)
                    .transport(transport).executor(ui).build().start();
        }

        <T> T onUi(Callable<T> task) throws Exception {
            return ui.submit(task).get(10, TimeUnit.SECONDS);
        }

        void run(Runnable task) throws Exception {
            onUi(() -> {
                task.run();
                return null;
            });
        }

        /** The order as this terminal shows it, exported to JSON on its own thread. */
        ObjectNode json(String uid) throws Exception {
            return onUi(() -> {
                Order order = terminal.order(uid);
                return order == null ? null : CODEC.exportAsJson(order);
            });
        }

        boolean idle() throws Exception {
            return onUi(() -> terminal.pendingMutations() == 0 && terminal.isOnline());
        }

        @Override
        public void close() {
            terminal.close();
            ui.shutdownNow();
        }
    }

    @BeforeEach
    void startHub() {
        hub = Hub.builder().store(new InMemoryHubStore()).build();
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        port = server.port();
    }

    @AfterEach
    void stopAll() {
        devices.forEach(Device::close);
        server.close();
        hub.close();
    }

    private Device device(String id) {
        Device device = new Device(id);
        devices.add(device);
        return device;
    }

    @Test
    void newOrderOnAAppearsIdenticalOnBAndC() throws Exception {
        Device a = device("A");
        Device b = device("B");
        Device c = device("C");
        Order order = a.onUi(() -> a.terminal.newOrder(o -> {
            o.table = "T4";
            o.guests = 2;
            o.lines.add(new Orderline("L1", 17, new BigDecimal("4.50"), 2));
            o.lines.add(new Orderline("L2", 23, new BigDecimal("12.00"), 1));
        }));
        awaitConverged(order.uid, a, b, c);
        for (Device device : List.of(a, b, c)) {
            assertEquals(1L, (long) device.onUi(() -> device.terminal.number(device.terminal.order(order.uid))), device.id);
        }
        assertEquals("T4", b.json(order.uid).get("table_id").asText());
    }

    @Test
    void concurrentEditsOfOneOrderAllSurvive() throws Exception {
        Device a = device("A");
        Device b = device("B");
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
        Device a = device("A");
        Device b = device("B");
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
        Device a = device("A");
        Device b = device("B");
        Order order = a.onUi(() -> a.terminal.newOrder(o -> o.table = "T1"));
        awaitConverged(order.uid, a, b);

        server.close();
        await(() -> !a.onUi(a.terminal::isOnline) && !b.onUi(b.terminal::isOnline), "both terminals offline");
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

    private void awaitConverged(String uid, Device... devices) throws Exception {
        await(() -> {
            ObjectNode first = null;
            for (Device device : devices) {
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
        }, "order " + uid + " converged");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

}
