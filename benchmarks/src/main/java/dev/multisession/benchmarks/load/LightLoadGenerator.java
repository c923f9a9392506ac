package dev.multisession.benchmarks.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drives a hub in its own JVM ({@link HubProcess}) with {@link LightTerminal}s: raw WebSocket
 * clients without models, all on one {@link HttpClient} (one selector thread), so this process
 * can play thousands of terminals. Connects them all (timing how long until every one has its
 * {@code welcome}), has each open its orders, then runs one step per offered rate: a pacer hands
 * out edits round-robin, every terminal sends a WebSocket ping at a fixed interval, and the step
 * reports accepted operations/s, end-to-end latency (p50, p99, p99.9, max), pings answered, the
 * hub's CPU, heap after GC and threads, and this process's CPU. Results in
 * {@code light-<name>.csv}.
 */
@Command(name = "LightLoadGenerator", mixinStandardHelpOptions = true,
        description = "Drives a hub with N model-less WebSocket terminals at fixed rates; writes light-<name>.csv.")
public final class LightLoadGenerator implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", defaultValue = "sqlite", description = "sqlite or postgres (default ${DEFAULT-VALUE})")
    String store;

    @Option(names = "--terminals", defaultValue = "20", description = "terminals (default ${DEFAULT-VALUE})")
    int terminalCount;

    @Option(names = "--per-session", defaultValue = "5", description = "terminals per multi-session (default ${DEFAULT-VALUE})")
    int perSession;

    @Option(names = "--rates", defaultValue = "1000,5000,10000", split = ",",
            description = "offered edits per second, one step each (default ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds before measuring, per step (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seconds", defaultValue = "15", description = "seconds measured per step (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--orders", defaultValue = "2", description = "orders each terminal opens (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--lines", defaultValue = "10", description = "lines per order (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--ping", defaultValue = "10", description = "seconds between a terminal's pings (default ${DEFAULT-VALUE})")
    int pingSeconds;

    @Option(names = "--connecting", defaultValue = "256", description = "handshakes in progress at most (default ${DEFAULT-VALUE})")
    int connecting;

    @Option(names = "--hub-heap", defaultValue = "1g", description = "the hub JVM's heap, -Xms and -Xmx (default ${DEFAULT-VALUE})")
    String hubHeap;

    @Option(names = "--hub-workers", description = "the hub's worker threads (default: the hub's default)")
    Integer hubWorkers;

    @Option(names = "--out", defaultValue = "docs/benchmarks", description = "results directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--name", description = "file name part: light-<name>.csv (default: <store>-<terminals>)")
    String name;

    LightLoadGenerator() {}

    /** The figures of one step. */
    record Step(String store, int terminals, int sessions, int offered, double accepted, double p50, double p99,
            double p999, double max, long samples, long shed, long problems, long dropped, long pings, long pongs,
            double pongP99, double lagP99, double hubCores, double clientCores, double hubHeapMb, int hubThreads,
            int connections, double connectSeconds, String load, double commitsPerSecond) {

        static final String CSV_HEADER = "store,terminals,sessions,offered_ops_s,accepted_ops_s,p50_ms,p99_ms,p999_ms,"
                + "max_ms,samples,shed,problems,dropped,pings,pongs,pong_p99_ms,send_lag_p99_ms,hub_cpu_cores,"
                + "client_cpu_cores,hub_heap_mb,hub_threads,hub_connections,connect_s,load_1_5_15,hub_commits_s,"
                + "mutations_per_commit";

        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%.2f,"
                    + "%.1f,%d,%d,%.1f,%s,%.1f,%.2f", store, terminals, sessions, offered, accepted, p50, p99, p999, max,
                    samples, shed, problems, dropped, pings, pongs, pongP99, lagP99, hubCores, clientCores, hubHeapMb,
                    hubThreads, connections, connectSeconds, load, commitsPerSecond, accepted / commitsPerSecond);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LightLoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!store.equals("sqlite") && !store.equals("postgres")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store is sqlite or postgres, not " + store);
        }
        new LoadArguments(spec.commandLine()).atLeast("--terminals", terminalCount, 1).atLeast("--per-session", perSession, 1)
                .eachAtLeast("--rates", rates, 1).atLeast("--warmup", warmup, 0).atLeast("--seconds", seconds, 1)
                .atLeast("--orders", orders, 1).atLeast("--lines", lines, 1).atLeast("--ping", pingSeconds, 1)
                .atLeast("--connecting", connecting, 1).atLeast("--hub-workers", hubWorkers == null ? 1 : hubWorkers, 1);
        if (hubWorkers != null) {
            System.setProperty("hub.workers", hubWorkers.toString());
        }
        Files.createDirectories(out);
        Path csv = out.resolve("light-" + (name == null ? store + "-" + terminalCount : name) + ".csv");
        StringBuilder rows = new StringBuilder(Step.CSV_HEADER).append('\n');
        System.out.println(Step.CSV_HEADER);

        Path dir = Files.createTempDirectory("multisession-light");
        String where = store.equals("sqlite") ? dir.resolve("hub.db").toString()
                : System.getenv().getOrDefault("MULTISESSION_PG_URL", "jdbc:postgresql://127.0.0.1:5432/multisession_test");
        int sessions = (terminalCount + perSession - 1) / perSession;
        String run = Long.toString(System.currentTimeMillis(), 36);
        long maxSeconds = 300L + (long) rates.size() * (warmup + seconds + 60) + terminalCount / 50;
        ExecutorService callbacks = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "light-client");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient http = HttpClient.newBuilder().executor(callbacks).build();
        MeasureWindow window = new MeasureWindow();
        LightStats stats = new LightStats();
        Map<String, LightTerminal> everyone = new ConcurrentHashMap<>();
        List<LightTerminal> terminals = new ArrayList<>();
        try (HubHandle hub = HubHandle.start(store, where, Path.of("-"), hubHeap, maxSeconds)) {
            int[] sessionSizes = new int[sessions];
            for (int t = 0; t < terminalCount; t++) {
                sessionSizes[t % sessions]++;
            }
            for (int t = 0; t < terminalCount; t++) {
                String session = "light-" + run + "-s" + (t % sessions);
                String terminal = "t" + t;
                LightTerminal light = new LightTerminal(terminal, session, hub.issue(session, terminal),
                        sessionSizes[t % sessions] == 1, lines, everyone, window, stats, 42L * 1_000_003 + t);
                everyone.put(terminal, light);
                terminals.add(light);
            }
            URI uri = URI.create("ws://127.0.0.1:" + hub.port() + "/ws");
            HubHandle.Stats empty = hub.stats();
            double connectSeconds = connectAll(http, uri, terminals);
            HubHandle.Stats connected = hub.stats();
            System.err.printf(Locale.ROOT, "connected %d terminals in %.1f s; hub: %d connections, %d threads, "
                    + "%.1f MB heap after GC (%.1f KB per connection)%n", terminalCount, connectSeconds,
                    connected.connections(), connected.threads(), connected.heapBytes() / 1048576.0,
                    (connected.heapBytes() - empty.heapBytes()) / 1024.0 / terminalCount);
            ObjectNode template = MultiSessionCodecs.forClass(RestaurantOrder.class)
                    .exportAsJson(RestaurantOrders.withLines(lines));
            for (LightTerminal terminal : terminals) {
                terminal.openOrders(orders, template);
            }
            LoadSteps.awaitSettled(terminals, t -> sessionSizes[Integer.parseInt(t.id.substring(1)) % sessions] * orders,
                    60 + terminalCount / 50);

            for (int rate : rates) {
                stats.take();
                Step step = step(hub, terminals, sessions, rate, window, stats, connectSeconds);
                System.out.println(step.csv());
                rows.append(step.csv()).append('\n');
                Files.writeString(csv, rows);
            }
        } finally {
            for (LightTerminal terminal : terminals) {
                terminal.close();
            }
            callbacks.shutdownNow();
            LoadSteps.deleteQuietly(dir);
        }
        return 0;
    }

    private Step step(HubHandle hub, List<LightTerminal> terminals, int sessions, int rate, MeasureWindow window,
            LightStats stats, double connectSeconds) throws Exception {
        String loadBefore = loadAverage();
        long warmupStart = System.nanoTime();
        long measureStart = warmupStart + TimeUnit.SECONDS.toNanos(warmup);
        long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(seconds);
        window.open(measureStart, measureEnd);
        Thread pacer = new Thread(() -> LoadSteps.pace(terminals, rate, warmupStart, measureEnd, LightTerminal::edit),
                "pacer");
        Thread pinger = new Thread(() -> LoadSteps.pace(terminals, terminals.size() / (double) pingSeconds, warmupStart,
                measureEnd, (terminal, due) -> terminal.ping()), "pinger");
        pacer.start();
        pinger.start();
        LoadSteps.CpuShare cpu = LoadSteps.measureCpu(hub, measureStart, measureEnd);
        System.err.printf(Locale.ROOT, "measured window: %d to %d ms since the epoch%n",
                System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - measureStart),
                System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - measureEnd));
        pacer.join();
        pinger.join();
        LoadSteps.awaitDrained(terminals, 30);
        HubHandle.Stats last = hub.stats(); // heap after GC, threads and connections, once the window is over

        LightStats.Taken taken = stats.take();
        Histogram latencies = taken.latencies();
        return new Step(store, terminals.size(), sessions, rate, taken.accepted() / (double) seconds,
                millis(latencies, 50), millis(latencies, 99), millis(latencies, 99.9), latencies.getMaxValue() / 1e6,
                latencies.getTotalCount(), taken.shed(), taken.problems(), taken.dropped(), taken.pingsSent(),
                taken.pongsReceived(), millis(taken.pongs(), 99), millis(taken.lags(), 99),
                cpu.hubCores(), cpu.clientCores(),
                last.heapBytes() / 1048576.0, last.threads(), last.connections(), connectSeconds,
                loadBefore.replace(' ', '/'), cpu.commitsPerSecond());
    }

    /** Connects every terminal, at most {@link #connecting} handshakes at a time; seconds until all were welcomed. */
    private double connectAll(HttpClient http, URI uri, List<LightTerminal> terminals) throws InterruptedException {
        Semaphore handshakes = new Semaphore(connecting);
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastWelcome = new AtomicLong();
        List<CompletableFuture<Void>> welcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (LightTerminal terminal : terminals) {
            handshakes.acquire();
            welcomes.add(terminal.connect(http, uri).whenComplete((ok, failure) -> {
                handshakes.release();
                if (failure != null) {
                    if (failed.getAndIncrement() < 5) {
                        System.err.println("terminal " + terminal.id + " did not connect: " + failure);
                    }
                } else {
                    lastWelcome.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }));
        }
        try {
            CompletableFuture.allOf(welcomes.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(failed.get() + " of " + terminals.size() + " terminals did not connect", e);
        }
        return (lastWelcome.get() - start) / 1e9;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
