package dev.multisession.benchmarks.load;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.SqliteSync;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * The hub alone, without network or terminals: one thread per terminal feeds ready-made
 * mutations (+1 on a line) straight into {@link Hub} connections as fast as they are answered,
 * and every broadcast is encoded to JSON as the WebSocket server would. Separates what the hub
 * and its store can do from what the load generator's terminals cost on the same two cores.
 * Each feeder keeps at most 64 mutations unanswered, as a terminal does.
 *
 * <p>Usage: {@code HubCapacity [--stores in-memory,sqlite-normal,sqlite-full,postgres,postgres-2-nodes]
 * [--validation on|off|both] [seconds-per-store] [terminals] [output-dir]}; writes
 * {@code hub-capacity.csv}. The PostgreSQL stores use {@code MULTISESSION_PG_URL} (user and
 * password from {@code MULTISESSION_PG_USER} / {@code MULTISESSION_PG_PASSWORD}, default
 * {@code multisession}); {@code postgres-2-nodes} runs two hubs, each with its own store on that
 * one database and its own feeders on a session of its own, as two nodes behind a load balancer
 * would (both in this JVM, so on the same cores). With validation on, the hub is bound to the
 * restaurant model and checks every operation against its schema, as the sample hub does; off,
 * it checks only the protocol's limits.
 */
@Command(name = "HubCapacity", mixinStandardHelpOptions = true,
        description = "The hub alone, fed by in-process terminals, on each store; writes hub-capacity.csv.")
public final class HubCapacity implements Callable<Integer> {

    /** Unanswered mutations per feeder, as many as a terminal keeps in flight by default. */
    private static final int WINDOW = 64;

    @Parameters(index = "0", arity = "0..1", defaultValue = "10", description = "seconds per store (default ${DEFAULT-VALUE})")
    int seconds;

    @Parameters(index = "1", arity = "0..1", defaultValue = "5", description = "feeding terminals (default ${DEFAULT-VALUE})")
    int terminals;

    @Parameters(index = "2", arity = "0..1", description = "directory for hub-capacity.csv")
    Path out;

    @Option(names = "--stores", split = ",", defaultValue = "in-memory,sqlite-normal,sqlite-full",
            description = "stores to measure, in order: in-memory, sqlite-normal, sqlite-full, postgres, "
                    + "postgres-2-nodes (default ${DEFAULT-VALUE})")
    List<String> stores;

    @Option(names = "--validation", defaultValue = "both",
            description = "check operations against the model: on, off or both (default ${DEFAULT-VALUE})")
    String validation;

    private HubCapacity() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new HubCapacity()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Boolean> modes = switch (validation) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true);
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "--validation is on, off or both, not " + validation);
        };
        StringBuilder csv = new StringBuilder("store,validation,terminals,ops,seconds,ops_per_s,cpu_cores\n");
        Path dir = Files.createTempDirectory("multisession-hub-capacity");
        for (String kind : stores) {
            for (boolean validated : modes) {
                int nodes = kind.equals("postgres-2-nodes") ? 2 : 1;
                List<HubStore> opened = new ArrayList<>();
                List<Hub> hubs = new ArrayList<>();
                try {
                    for (int node = 0; node < nodes; node++) {
                        HubStore store = open(kind, dir, (validated ? "on-" : "off-") + node);
                        opened.add(store);
                        Hub.Builder builder = Hub.builder().store(store);
                        if (validated) {
                            builder.model(RestaurantOrder.class);
                        }
                        hubs.add(builder.build());
                    }
                    String label = kind + "," + (validated ? "on" : "off");
                    measure(hubs, label, terminals, 2, false);
                    String row = measure(hubs, label, terminals, seconds, true);
                    System.out.println(row);
                    csv.append(row).append('\n');
                } finally {
                    for (Hub hub : hubs) {
                        hub.close();
                    }
                    for (HubStore store : opened) {
                        store.close();
                    }
                }
            }
        }
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("hub-capacity.csv"), csv);
        }
        return 0;
    }

    private static HubStore open(String kind, Path dir, String suffix) {
        return switch (kind) {
            case "in-memory" -> new InMemoryHubStore();
            case "sqlite-normal" -> SqliteHubStore.open(dir.resolve("normal-" + suffix + ".db"), SqliteSync.NORMAL);
            case "sqlite-full" -> SqliteHubStore.open(dir.resolve("full-" + suffix + ".db"), SqliteSync.FULL);
            case "postgres", "postgres-2-nodes" -> HubProcess.openStore("postgres",
                    System.getenv().getOrDefault("MULTISESSION_PG_URL", "jdbc:postgresql://127.0.0.1:5432/multisession_test"));
            default -> throw new IllegalArgumentException("unknown store " + kind
                    + " (in-memory, sqlite-normal, sqlite-full, postgres, postgres-2-nodes)");
        };
    }

    /** Feeds every hub with {@code terminals} feeders on a session of its own; one row for all hubs together. */
    private static String measure(List<Hub> hubs, String kind, int terminals, int seconds, boolean report)
            throws InterruptedException {
        MessageCodec json = MessageCodec.instance();
        AtomicLong encodedBytes = new AtomicLong();
        ObjectNode order = MultiSessionCodecs.forClass(RestaurantOrder.class).exportAsJson(RestaurantOrders.withLines(10));
        List<Thread> threads = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        // a dropped operation would be measured as work done: the figures are only valid without any
        AtomicReference<String> refused = new AtomicReference<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        for (int t = 0; t < terminals * hubs.size(); t++) {
            Hub hub = hubs.get(t / terminals);
            String session = kind.replace(',', '-') + "-" + start + "-node-" + t / terminals;
            String terminal = "t" + t;
            String uid = session + "-order-" + t;
            Thread thread = new Thread(() -> {
                Object lock = new Object();
                long[] acked = {0};
                HubConnection connection = hub.connect(new TerminalIdentity(session, terminal), message -> {
                    encodedBytes.addAndGet(json.encode(message).length());
                    if (message instanceof HubMessage.Ack ack) {
                        if (!ack.dropped().isEmpty()) {
                            refused.compareAndSet(null, ack.dropped().get(0).reason() + ": " + ack.dropped().get(0).message());
                        }
                        synchronized (lock) {
                            acked[0] = ack.mutationId();
                            lock.notifyAll();
                        }
                    }
                });
                connection.receive(new ClientMessage.Hello(session, terminal, "bench", 0, 0, 1));
                ObjectNode created = order.deepCopy();
                created.set("uid", TextNode.valueOf(uid));
                long id = 1;
                // the order carries its own uid, as a terminal's export writes it: a hub bound to
                // the model rejects an order without it
                connection.receive(new ClientMessage.Mutate(id, 1, uid, 0, null, List.of(
                        new Op.Set(List.of(PathStep.key("uid")), created.get("uid")),
                        new Op.Set(List.of(PathStep.key("lines")), created.get("lines")))));
                String line = created.get("lines").get(5).get("uid").asText();
                Op add = new Op.Add(List.of(PathStep.key("lines"), PathStep.element("uid", TextNode.valueOf(line)),
                        PathStep.key("qty")), IntNode.valueOf(1));
                // Like a terminal: at most WINDOW mutations unanswered, so the hub's own queue
                // cannot hide its speed; an operation counts when its Ack arrives.
                long counted = 0;
                while (System.nanoTime() < end) {
                    id++;
                    connection.receive(new ClientMessage.Mutate(id, 1, uid, 0, null, List.of(add)));
                    synchronized (lock) {
                        while (acked[0] < id - WINDOW) {
                            try {
                                lock.wait(1000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        done.addAndGet(acked[0] - 1 - counted);
                        counted = acked[0] - 1;
                    }
                }
                connection.close();
            }, "feeder-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (refused.get() != null) {
            throw new IllegalStateException("the hub dropped an operation of the benchmark: " + refused.get());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cores = (cpuNanos() - cpuBefore) / 1e9 / wall;
        return String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.0f,%.2f", kind, terminals * hubs.size(), done.get(), wall,
                done.get() / wall, cores);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
