package dev.multisession.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Drives a hub with N terminals over WebSocket on loopback, spread over multi-sessions of a
 * few terminals each, at a fixed total rate of edits, for 1 to 200 terminals; reports accepted
 * operations per second, end-to-end latency (edit started on one terminal until applied on
 * another) at p50, p99 and max, and the hub's CPU and heap. The hub runs in a JVM of its own
 * ({@link HubProcess}) on a fresh SQLite file or on PostgreSQL; everything stays on 127.0.0.1,
 * and every step is bounded in time.
 *
 * <p>Each edit is +1 on a random line of a random open order of the terminal's session (a
 * {@code COUNTER} field, so concurrent edits of one line all count). Each accepted edit is one
 * durable hub transaction.
 *
 * <p>Usage: {@code LoadGenerator [--store sqlite|postgres] [--terminals 1,5,20,50,100,200]
 * [--per-session 5] [--rate 5000] [--warmup 5] [--seconds 15] [--orders 2] [--lines 10]
 * [--out docs/benchmarks] [--name store]} ({@code --help} describes each), results in
 * {@code load-<name>.csv}. PostgreSQL: {@code MULTISESSION_PG_URL}. Latencies are kept in
 * HdrHistograms (3 significant digits), so percentiles cost no sort and no memory per sample.
 */
@Command(name = "LoadGenerator", mixinStandardHelpOptions = true,
        description = "Drives a hub with N WebSocket terminals at a fixed rate; writes load-<name>.csv.")
public final class LoadGenerator implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--store", defaultValue = "sqlite", description = "sqlite or postgres (default ${DEFAULT-VALUE})")
    String store;

    @Option(names = "--terminals", defaultValue = "1,5,20,50,100,200", split = ",",
            description = "terminal counts, one step each (default ${DEFAULT-VALUE})")
    List<Integer> counts;

    @Option(names = "--per-session", defaultValue = "5", description = "terminals per multi-session (default ${DEFAULT-VALUE})")
    int perSession;

    @Option(names = "--rate", defaultValue = "5000", description = "total edits per second offered (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seconds", defaultValue = "15", description = "seconds measured per step (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--orders", defaultValue = "2", description = "open orders per terminal (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--lines", defaultValue = "10", description = "lines per order (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--out", defaultValue = "docs/benchmarks", description = "results directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--name", description = "file name part: load-<name>.csv (default: the store)")
    String name;

    LoadGenerator() {}

    /** The measured figures of one step. */
    record Step(String store, int terminals, int sessions, int targetRate, double acceptedRate, double p50Millis,
            double p99Millis, double maxMillis, int samples, long shed, long problems, double hubCpuCores, double clientCpuCores,
            double hubHeapMb, double heapPerConnectionKb, double heapPerOrderKb, double lagP99Millis) {

        static final String CSV_HEADER = "store,terminals,sessions,target_ops_s,accepted_ops_s,p50_ms,p99_ms,max_ms,"
                + "samples,shed,problems,hub_cpu_cores,client_cpu_cores,hub_heap_mb,heap_per_connection_kb,"
                + "heap_per_order_kb,pacer_lag_p99_ms";

        String csv() {
            return String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.2f,%.2f,%.2f,%d,%d,%d,%.2f,%.2f,%.1f,%.1f,%.1f,%.2f",
                    store, terminals, sessions, targetRate, acceptedRate, p50Millis, p99Millis, maxMillis, samples,
                    shed, problems, hubCpuCores, clientCpuCores, hubHeapMb, heapPerConnectionKb, heapPerOrderKb, lagP99Millis);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!store.equals("sqlite") && !store.equals("postgres")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store is sqlite or postgres, not " + store);
        }
        new LoadArguments(spec.commandLine()).eachAtLeast("--terminals", counts, 1).atLeast("--per-session", perSession, 1)
                .atLeast("--rate", rate, 1).atLeast("--warmup", warmup, 0).atLeast("--seconds", seconds, 1)
                .atLeast("--orders", orders, 1).atLeast("--lines", lines, 1);
        Files.createDirectories(out);
        Path csv = out.resolve("load-" + (name == null ? store : name) + ".csv");
        StringBuilder rows = new StringBuilder(Step.CSV_HEADER).append('\n');
        System.out.println(Step.CSV_HEADER);
        for (int terminals : counts) {
            Step step = run(store, terminals, perSession, rate, warmup, seconds, orders, lines);
            System.out.println(step.csv());
            rows.append(step.csv()).append('\n');
            Files.writeString(csv, rows);
        }
        return 0;
    }

    static Step run(String store, int terminalCount, int perSession, int rate, int warmup, int seconds, int ordersEach,
            int lines) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("multisession-load");
        Path tokenFile = dir.resolve("tokens");
        TerminalTokens tokens = TerminalTokens.open(tokenFile);
        String run = Long.toString(System.currentTimeMillis(), 36);
        int sessions = (terminalCount + perSession - 1) / perSession;
        Map<String, String> issued = new LinkedHashMap<>();
        Map<String, String> sessionOf = new LinkedHashMap<>();
        for (int t = 0; t < terminalCount; t++) {
            String session = "load-" + run + "-s" + (t % sessions);
            String terminal = "t" + t;
            issued.put(terminal, tokens.issue(session, terminal));
            sessionOf.put(terminal, session);
        }
        String where = store.equals("sqlite") ? dir.resolve("hub.db").toString()
                : System.getenv().getOrDefault("MULTISESSION_PG_URL", "jdbc:postgresql://127.0.0.1:5432/multisession_test");
        long stepSeconds = 120L + warmup + seconds + terminalCount;
        long[] window = {Long.MAX_VALUE, Long.MAX_VALUE};
        Map<String, LoadTerminal> everyone = new ConcurrentHashMap<>();
        List<LoadTerminal> terminals = new ArrayList<>();
        try (HubHandle hub = HubHandle.start(store, where, tokenFile, "1g", stepSeconds)) {
            HubHandle.Stats empty = hub.stats();
            URI uri = URI.create("ws://127.0.0.1:" + hub.port() + "/ws");
            int[] sessionSizes = new int[sessions];
            for (int t = 0; t < terminalCount; t++) {
                sessionSizes[t % sessions]++;
            }
            for (Map.Entry<String, String> entry : issued.entrySet()) {
                String terminal = entry.getKey();
                int index = Integer.parseInt(terminal.substring(1));
                LoadTerminal load = new LoadTerminal(terminal, sessionOf.get(terminal), sessionSizes[index % sessions] == 1,
                        uri, entry.getValue(), everyone, () -> window[0], () -> window[1]);
                everyone.put(terminal, load);
                terminals.add(load);
                load.start();
            }
            LoadSteps.awaitSettled(terminals, t -> 0, 60);
            HubHandle.Stats connected = hub.stats();
            for (LoadTerminal terminal : terminals) {
                terminal.openOrders(ordersEach, lines);
            }
            LoadSteps.awaitSettled(terminals,
                    t -> sessionSizes[Integer.parseInt(t.id.substring(1)) % sessions] * ordersEach, 60);
            HubHandle.Stats opened = hub.stats();

            long warmupStart = System.nanoTime();
            long measureStart = warmupStart + TimeUnit.SECONDS.toNanos(warmup);
            long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(seconds);
            window[0] = measureStart;
            window[1] = measureEnd;
            SplittableRandom random = new SplittableRandom(42);
            Thread pacer = new Thread(() -> LoadSteps.pace(terminals, rate, warmupStart, measureEnd,
                    (terminal, due) -> terminal.editLater(random, due)), "pacer");
            pacer.start();
            LoadSteps.CpuShare cpu = LoadSteps.measureCpu(hub, measureStart, measureEnd);
            pacer.join();
            LoadSteps.awaitDrained(terminals, 30);
            HubHandle.Stats last = hub.stats(); // heap after GC, once the window is over
            for (LoadTerminal terminal : terminals) {
                try {
                    terminal.barrier();
                } catch (IllegalStateException e) {
                    System.err.println("terminal " + terminal.id + " is still busy: " + e.getMessage());
                }
            }

            Histogram latencies = new Histogram(3);
            Histogram lags = new Histogram(3);
            long accepted = 0;
            long problems = 0;
            long shed = 0;
            for (LoadTerminal terminal : terminals) {
                shed += terminal.shed.get();
                latencies.add(terminal.latencies);
                lags.add(terminal.lags);
                accepted += terminal.accepted.get();
                problems += terminal.problems.get();
            }
            double hubCores = cpu.hubCores();
            double clientCores = cpu.clientCores();
            int orderCount = terminalCount * ordersEach;
            for (LoadTerminal terminal : terminals) {
                terminal.close();
            }
            return new Step(store, terminalCount, sessions, rate, accepted / (double) seconds,
                    latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                    latencies.getMaxValue() / 1e6, (int) latencies.getTotalCount(), shed, problems, hubCores, clientCores, last.heapBytes() / 1048576.0,
                    (connected.heapBytes() - empty.heapBytes()) / 1024.0 / terminalCount,
                    (opened.heapBytes() - connected.heapBytes()) / 1024.0 / orderCount, lags.getValueAtPercentile(99) / 1e6);
        } finally {
            for (LoadTerminal terminal : terminals) {
                terminal.close();
            }
            LoadSteps.deleteQuietly(dir);
        }
    }
}
