package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.PostgresTestCount;
import dev.multisession.runtime.store.jdbc.PostgresTestDatabase;
import dev.multisession.runtime.store.jdbc.StoredTokens;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two hub nodes, each with its own WebSocket server and connection pool, on one real PostgreSQL
 * database: terminals split across the nodes edit the same orders at the same time and converge,
 * with counters adding up and no order number handed out twice. The terminals' tokens are in
 * that database: each is issued through the first node and works on both.
 */
@Tag(PostgresTestCount.TAG)
class TwoHubNodesTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final MultiSessionCodec<Order> CODEC = MultiSessionCodecs.forClass(Order.class);
    private static final int TAPS = 25;

    private final List<AutoCloseable> open = new ArrayList<>();
    /** The tokens as the first node sees them; every node reads the same table. */
    private StoredTokens tokens;

    /** One hub node: its own store (pool and LISTEN connection), tokens, hub and server. */
    private HubServer node() {
        PostgresHubStore store = DATABASE.openHubStore(4);
        StoredTokens nodeTokens = store.tokens();
        Hub hub = Hub.builder().store(store).build();
        HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(nodeTokens::authenticate)
                .start();
        if (tokens == null) {
            tokens = nodeTokens;
        }
        open.add(server);
        open.add(hub);
        open.add(nodeTokens);
        open.add(store);
        return server;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** A terminal connected to one node, closed after the test. */
    private TestTerminal terminal(String id, HubServer node) {
        TestTerminal terminal = new TestTerminal(id, URI.create("ws://127.0.0.1:" + node.port() + "/ws"),
                tokens.issue("bistro", id));
        open.add(0, terminal);
        return terminal;
    }

    /** Every order a terminal shows, exported, sorted by uid. */
    private static List<ObjectNode> state(TestTerminal device) throws Exception {
        return device.onUi(() -> {
            List<ObjectNode> orders = new ArrayList<>();
            for (Order order : device.terminal.orders()) {
                orders.add(CODEC.exportAsJson(order));
            }
            orders.sort((a, b) -> a.get("uid").asText().compareTo(b.get("uid").asText()));
            return orders;
        });
    }

    @Test
    void terminalsOnTwoNodesEditTheSameOrdersAndConverge() throws Exception {
        HubServer first = node();
        HubServer second = node();
        List<TestTerminal> devices = List.of(terminal("A", first), terminal("B", first),
                terminal("C", second), terminal("D", second));
        for (TestTerminal device : devices) {
            Eventually.await(device::idle, device.id + " online", 30);
        }

        // Every terminal opens two orders at once: numbers are handed out on both nodes concurrently.
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService waiters = Executors.newFixedThreadPool(devices.size());
        List<Future<?>> opened = new ArrayList<>();
        for (TestTerminal device : devices) {
            opened.add(waiters.submit(() -> {
                go.await();
                for (int i = 0; i < 2; i++) {
                    String table = device.id + i;
                    device.onUi(() -> device.terminal.newOrder(o -> o.table = table));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : opened) {
            future.get(20, TimeUnit.SECONDS);
        }

        // One shared order: everyone adds a line and taps +1 on the same line at the same time.
        TestTerminal a = devices.get(0);
        String shared = a.onUi(() -> a.terminal.newOrder(o -> {
            o.table = "shared";
            o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 0));
        })).uid;
        for (TestTerminal device : devices) {
            Eventually.await(() -> device.onUi(() -> device.terminal.order(shared)) != null, device.id + " sees the shared order", 30);
        }
        CountDownLatch tap = new CountDownLatch(1);
        List<Future<?>> taps = new ArrayList<>();
        for (TestTerminal device : devices) {
            taps.add(waiters.submit(() -> {
                tap.await();
                device.onUi(() -> {
                    Order order = device.terminal.order(shared);
                    device.terminal.edit(order, o -> o.lines.add(new Orderline("L-" + device.id, 2, BigDecimal.TEN, 1)));
                    return null;
                });
                for (int i = 0; i < TAPS; i++) {
                    device.onUi(() -> {
                        Order order = device.terminal.order(shared);
                        device.terminal.edit(order, o -> o.line("L1").qty++);
                        return null;
                    });
                }
                return null;
            }));
        }
        tap.countDown();
        for (Future<?> future : taps) {
            future.get(30, TimeUnit.SECONDS);
        }
        waiters.shutdown();

        Eventually.await(() -> converged(devices), "all four terminals converged", 30);
        List<ObjectNode> state = state(a);
        assertEquals(9, state.size(), "8 orders opened at once plus the shared one");
        ObjectNode sharedOrder = state.stream().filter(o -> o.get("uid").asText().equals(shared)).findFirst()
                .orElseThrow();
        assertEquals(1 + devices.size(), sharedOrder.get("lines").size(), "every terminal's line survived");
        int qty = 0;
        for (var line : sharedOrder.get("lines")) {
            if (line.get("uid").asText().equals("L1")) {
                qty = line.get("qty").asInt();
            }
        }
        assertEquals(devices.size() * TAPS, qty, "every +1 from both nodes counted once");
        Set<Long> numbers = new HashSet<>();
        for (Order order : a.onUi(a.terminal::orders)) {
            long number = a.onUi(() -> a.terminal.number(order));
            assertEquals(true, numbers.add(number), "order number " + number + " handed out twice");
        }
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), numbers, "numbers without gaps");
    }

    private static boolean converged(List<TestTerminal> devices) throws Exception {
        List<ObjectNode> first = null;
        for (TestTerminal device : devices) {
            if (!device.idle()) {
                return false;
            }
            List<ObjectNode> state = state(device);
            if (first != null && !first.equals(state)) {
                return false;
            }
            first = state;
        }
        return true;
    }
}
