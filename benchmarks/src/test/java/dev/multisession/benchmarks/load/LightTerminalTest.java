package dev.multisession.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The light load generator's terminals speak the protocol a real hub accepts: over WebSocket on
 * loopback, two of one session create their orders, edit them, and each sees the other's edits.
 * A protocol change the light terminal does not follow shows here as problems or missing edits,
 * not as an unexplained drop in a benchmark.
 */
class LightTerminalTest {

    @Test
    void twoTerminalsOfASessionSeeEachOthersEditsThroughARealHub() throws Exception {
        TerminalTokens tokens = TerminalTokens.inMemory();
        InMemoryHubStore store = new InMemoryHubStore();
        try (Hub hub = Hub.builder().store(store).build();
                HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start()) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
            LightStats stats = new LightStats();
            MeasureWindow window = new MeasureWindow();
            window.open(Long.MIN_VALUE, Long.MAX_VALUE);
            Map<String, LightTerminal> everyone = new ConcurrentHashMap<>();
            LightTerminal bar = new LightTerminal("t0", "bistro", tokens.issue("bistro", "t0"), false, 10, everyone,
                    window, stats, 1);
            LightTerminal kitchen = new LightTerminal("t1", "bistro", tokens.issue("bistro", "t1"), false, 10, everyone,
                    window, stats, 2);
            everyone.put(bar.id, bar);
            everyone.put(kitchen.id, kitchen);
            HttpClient http = HttpClient.newHttpClient();
            ObjectNode template = MultiSessionCodecs.forClass(RestaurantOrder.class).exportAsJson(RestaurantOrders.withLines(10));
            try {
                for (LightTerminal terminal : List.of(bar, kitchen)) {
                    terminal.connect(http, uri).get(30, TimeUnit.SECONDS);
                    terminal.openOrders(1, template);
                }
                await(() -> bar.settled(2) && kitchen.settled(2));

                for (int i = 0; i < 10; i++) {
                    bar.edit(System.nanoTime());
                    kitchen.edit(System.nanoTime());
                }
                await(() -> bar.pending() == 0 && kitchen.pending() == 0);
                long seenByTheOther = 0;
                long accepted = 0;
                long problems = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while ((seenByTheOther < 20 || accepted < 22) && System.nanoTime() < deadline) {
                    LightStats.Taken taken = stats.take();
                    seenByTheOther += taken.latencies().getTotalCount();
                    accepted += taken.accepted();
                    problems += taken.problems();
                    Thread.sleep(20);
                }
                assertEquals(20, seenByTheOther, "each edit is decoded once by the other terminal");
                assertEquals(0, problems);
                assertEquals(22, accepted, "two orders created and twenty edits, each come back to its author");
            } finally {
                bar.close();
                kitchen.close();
            }
        }
    }

    /** Waits for a condition the hub's answers make true, with a generous bound for a loaded machine. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            Thread.sleep(20);
        }
    }
}
