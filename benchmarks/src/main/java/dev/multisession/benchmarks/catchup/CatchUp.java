package dev.multisession.benchmarks.catchup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.benchmarks.support.UiThread;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.SqliteTerminalStore;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.RateLimit;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.runtime.transport.websocket.WebSocketTerminalTransport;
import dev.multisession.sample.restaurant.RestaurantOrder;
import dev.multisession.sample.restaurant.RestaurantOrderline;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A terminal that was offline while another made 10,000 edits reconnects: how long until it
 * shows exactly what the other shows. Hub on SQLite behind a WebSocket server on loopback, in
 * this JVM; both terminals over WebSocket. The late terminal keeps its state in a store that
 * outlives it (in memory, or an SQLite file as a real POS would), so it reconnects with its
 * last sequence number and the hub replays the log. Run twice per store: the first round in a
 * cold JVM, the second warm.
 *
 * <p>Usage: {@code CatchUp [operations] [output-dir]}; writes {@code catch-up.csv}.
 */
@Command(name = "CatchUp", mixinStandardHelpOptions = true,
        description = "How long a terminal that missed N edits takes to catch up; writes catch-up.csv.")
public final class CatchUp implements Callable<Integer> {

    private static final MultiSessionCodec<RestaurantOrder> CODEC = MultiSessionCodecs.forClass(RestaurantOrder.class);
    private static final int ORDERS = 10;
    private static final int LINES = 10;

    @Parameters(index = "0", arity = "0..1", defaultValue = "10000", description = "edits missed (default ${DEFAULT-VALUE})")
    int operations;

    @Parameters(index = "1", arity = "0..1", description = "directory for catch-up.csv")
    Path out;

    private CatchUp() {}

    /** One measurement. */
    record Result(String terminalStore, int round, int operations, long missedEvents, double catchUpMillis) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CatchUp()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("multisession-catch-up");
        List<Result> results = new ArrayList<>();
        try (SqliteHubStore store = SqliteHubStore.open(dir.resolve("hub.db"));
                Hub hub = Hub.builder().store(store).build()) {
            TerminalTokens tokens = TerminalTokens.inMemory();
            try (HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens)
                    .rateLimit(new RateLimit(1_000_000, 1_000_000, 1_000_000)).outboundQueueLimit(1_000_000).start()) {
                URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
                int round = 0;
                for (String kind : new String[] {"in-memory", "sqlite"}) {
                    for (int i = 1; i <= 2; i++) {
                        round++;
                        TerminalStore late = kind.equals("sqlite")
                                ? SqliteTerminalStore.open(dir.resolve("late-" + round + ".db"))
                                : new InMemoryTerminalStore();
                        Result result = measure(uri, tokens, "catch-up-" + round, kind, i, late, operations);
                        results.add(result);
                        System.out.printf(Locale.ROOT, "%-9s round %d: %,d operations (%,d events missed) caught up in %.0f ms%n",
                                kind, i, operations, result.missedEvents(), result.catchUpMillis());
                        late.close();
                    }
                }
            }
        }
        if (out != null) {
            Files.createDirectories(out);
            StringBuilder csv = new StringBuilder("terminal_store,round,operations,missed_events,catch_up_ms\n");
            for (Result r : results) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f%n", r.terminalStore(), r.round(),
                        r.operations(), r.missedEvents(), r.catchUpMillis()));
            }
            Files.writeString(out.resolve("catch-up.csv"), csv);
        }
        return 0;
    }

    static Result measure(URI uri, TerminalTokens tokens, String session, String kind, int round,
            TerminalStore lateStore, int operations) throws InterruptedException {
        Device writer = new Device(uri, tokens, session, "writer", new InMemoryTerminalStore());
        Device late = new Device(uri, tokens, session, "late", lateStore);
        try {
            writer.call(() -> {
                for (int o = 0; o < ORDERS; o++) {
                    writer.terminal.newOrder(order -> {
                        for (int l = 0; l < LINES; l++) {
                            RestaurantOrderline line = RestaurantOrders.line(l);
                            line.setUid(order.getUid() + "-" + l);
                            order.addLine(line);
                        }
                    });
                }
                return null;
            });
            writer.awaitIdle(ORDERS);
            late.awaitIdle(ORDERS);
            long seenBefore = late.call(late.terminal::lastSeq);
            late.close();

            SplittableRandom random = new SplittableRandom(7);
            int batch = 500;
            for (int done = 0; done < operations; done += batch) {
                int count = Math.min(batch, operations - done);
                writer.call(() -> {
                    List<RestaurantOrder> orders = writer.terminal.orders();
                    for (int k = 0; k < count; k++) {
                        RestaurantOrder order = orders.get(random.nextInt(orders.size()));
                        RestaurantOrderline line = order.getLines().get(random.nextInt(order.getLines().size()));
                        writer.terminal.edit(order, x -> line.changeQty(1));
                    }
                    return null;
                });
                writer.awaitIdle(ORDERS);
            }
            long target = writer.call(writer.terminal::lastSeq);
            Map<String, ObjectNode> expected = writer.snapshot();

            long start = System.nanoTime();
            Device back = new Device(uri, tokens, session, "late", lateStore);
            try {
                long deadline = start + TimeUnit.SECONDS.toNanos(120);
                while (!back.call(() -> back.terminal.lastSeq() >= target && back.snapshot().equals(expected))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the late terminal did not converge within 120 s");
                    }
                    Thread.sleep(1);
                }
                double millis = (System.nanoTime() - start) / 1e6;
                return new Result(kind, round, operations, target - seenBefore, millis);
            } finally {
                back.close();
            }
        } finally {
            writer.close();
        }
    }

    /** A terminal over WebSocket with its own UI thread. */
    private static final class Device {
        final Terminal<RestaurantOrder> terminal;
        final ExecutorService ui;

        Device(URI uri, TerminalTokens tokens, String session, String id, TerminalStore store) {
            ui = UiThread.start("ui-" + id);
            WebSocketTerminalTransport transport = WebSocketTerminalTransport.builder(uri, tokens.issue(session, id))
                    .backoff(Duration.ofMillis(10), Duration.ofMillis(200)).build();
            terminal = Terminal.builder(RestaurantOrder.class).session(session).terminalId(id).transport(transport)
                    .store(store).executor(ui).build().start();
        }

        <T> T call(java.util.concurrent.Callable<T> task) {
            return UiThread.call(ui, task);
        }

        Map<String, ObjectNode> snapshot() {
            Map<String, ObjectNode> orders = new HashMap<>();
            for (RestaurantOrder order : terminal.orders()) {
                orders.put(order.getUid(), CODEC.exportAsJson(order));
            }
            return orders;
        }

        void awaitIdle(int orders) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!call(() -> terminal.isOnline() && terminal.pendingMutations() == 0
                    && terminal.orders().size() == orders)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("terminal did not settle within 120 s");
                }
                Thread.sleep(2);
            }
        }

        void close() {
            terminal.close();
            ui.shutdownNow();
        }
    }
}
