package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A terminal back from a long time offline catches up within the server's default rate limit. */
class OutboxCatchUpTest {

    private static final int ORDERS = 20;
    private static final int EDITS_PER_ORDER = 100;

    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final InMemoryHubStore store = new InMemoryHubStore();
    private final Hub hub = Hub.builder().store(store).build();
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-A"));
    private HubServer server;
    private Terminal<Order> terminal;

    @AfterEach
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
        ui.shutdownNow();
        server.close();
        hub.close();
    }

    private <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(30, TimeUnit.SECONDS);
    }

    @Test
    void twoThousandOfflineEditsArriveWithoutRateLimitingOrDisconnects() throws Exception {
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start(); // default limits
        int port = server.port();
        WatchedTransport transport = new WatchedTransport(WebSocketTerminalTransport
                .builder(URI.create("ws://127.0.0.1:" + port + "/ws"), tokens.issue("bistro", "A"))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .build());
        terminal = Terminal.builder(Order.class).session("bistro").terminalId("A").transport(transport)
                .executor(ui).build().start();
        Eventually.await(() -> onUi(terminal::isOnline), "online", 20);
        server.close();
        Eventually.await(() -> !onUi(terminal::isOnline), "offline", 20);

        List<String> uids = onUi(() -> {
            List<String> made = new ArrayList<>();
            for (int o = 0; o < ORDERS; o++) {
                Order order = terminal.newOrder(n -> n.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 0)));
                made.add(order.uid);
                for (int e = 1; e < EDITS_PER_ORDER; e++) {
                    terminal.edit(order, n -> n.line("L1").qty++);
                }
            }
            return made;
        });
        assertEquals(ORDERS * EDITS_PER_ORDER, (int) onUi(terminal::pendingMutations));

        server = HubServer.builder().host("127.0.0.1").port(port).hub(hub).tokens(tokens).start();
        // attempts refused while the server was still starting are not drops of the catch-up
        Eventually.await(() -> onUi(terminal::isOnline), "online again", 20);
        int dropsBefore = transport.drops.size();
        Eventually.await(() -> onUi(() -> terminal.isOnline() && terminal.pendingMutations() == 0), "outbox empty", 60);

        assertEquals(List.of(), transport.errors, "errors from the hub");
        // An attempt made while the hub was down may report its refused connection just after the
        // restart; what must not happen is a connection to the running hub being dropped.
        List<String> dropsAfter = transport.drops.subList(dropsBefore, transport.drops.size()).stream()
                .filter(reason -> !reason.startsWith("ConnectException"))
                .toList();
        assertEquals(List.of(), dropsAfter, "drops after the restart");
        assertEquals((long) ORDERS * EDITS_PER_ORDER, (long) onUi(terminal::lastMutationId));
        for (String uid : uids) {
            long qty = store.inSession("bistro", tx -> tx.order(uid).orElseThrow().data().get("lines").get(0)
                    .get("qty").asLong());
            assertEquals(EDITS_PER_ORDER - 1, qty, "quantity of " + uid);
        }
    }
}
