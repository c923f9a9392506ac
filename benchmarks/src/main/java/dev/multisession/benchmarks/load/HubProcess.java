package dev.multisession.benchmarks.load;

import dev.multisession.runtime.flow.SharedTimer;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.transport.websocket.ConnectionLimits;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.RateLimit;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The hub under load, in a JVM of its own so that its CPU time and heap are its own: a
 * {@link Hub} on SQLite or PostgreSQL behind a {@link HubServer} on 127.0.0.1.
 *
 * <p>Prints {@code PORT <port>} once listening, then answers lines on standard input:
 * {@code stats} with {@code STATS <cpu-nanos> <heap-bytes> <connections> <threads>} (heap used
 * after a full GC, live threads), {@code cpu} with {@code CPU <cpu-nanos>} (no GC),
 * {@code issue <session> <terminal>} with {@code TOKEN <token>}
 * when the token file is {@code -} (tokens kept in memory: issuing thousands into a file rewrites
 * it each time), {@code quit} by stopping. It also stops when standard input closes (its parent is gone) or
 * after {@code --max-seconds}, so it never outlives a run.
 *
 * <p>Usage: {@code HubProcess sqlite <file> <token-file> [max-seconds]} or
 * {@code HubProcess postgres <jdbc-url> <token-file> [max-seconds]} (user and password from
 * {@code MULTISESSION_PG_USER} / {@code MULTISESSION_PG_PASSWORD}, default {@code multisession}).
 * {@code -Dhub.workers=n} sets the hub's worker threads (default: the hub's own).
 */
public final class HubProcess {

    /**
     * The load generator sends far more than the production default of 200 messages per second
     * on one connection (a single terminal carries the whole rate in the 1-terminal run).
     */
    static final ConnectionLimits LIMITS = new ConnectionLimits(1 << 20, new RateLimit(1_000_000, 1_000_000, 1_000_000),
            1_000_000, Duration.ofMinutes(5));

    private HubProcess() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: HubProcess sqlite|postgres <file-or-url> <token-file> [max-seconds]");
            System.exit(2);
        }
        long maxSeconds = args.length > 3 ? Long.parseLong(args[3]) : 1800;
        // a hub left behind by a crashed load generator stops by itself
        SharedTimer.schedule(Duration.ofSeconds(maxSeconds), () -> {
            System.err.println("hub process: " + maxSeconds + " s are up, stopping");
            Runtime.getRuntime().halt(3);
        });

        HubStore store = openStore(args[0], args[1]);
        Hub.Builder builder = Hub.builder().store(store);
        Integer workers = Integer.getInteger("hub.workers");
        if (workers != null) {
            // a PostgreSQL hub runs as many transactions at once as it has workers; on SQLite they do not wait for commits
            builder.workers(workers);
        }
        Hub hub = builder.build();
        TerminalTokens tokens = args[2].equals("-") ? TerminalTokens.inMemory() : TerminalTokens.open(Path.of(args[2]));
        HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub)
                .tokens(tokens).maxMessageBytes(LIMITS.maxMessageBytes())
                .rateLimit(LIMITS.rateLimit()).outboundQueueLimit(LIMITS.outboundQueueLimit())
                .idleTimeout(LIMITS.idleTimeout()).start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("cpu")) {
                    System.out.println("CPU " + cpuNanos() + " " + commits(store));
                    System.out.flush();
                } else if (line.equals("stats")) {
                    System.out.println("STATS " + cpuNanos() + " " + heapAfterGc() + " " + server.connections() + " "
                            + Thread.activeCount());
                    System.out.flush();
                } else if (line.startsWith("issue ")) {
                    String[] parts = line.split(" ");
                    System.out.println("TOKEN " + tokens.issue(parts[1], parts[2]));
                    System.out.flush();
                } else if (line.equals("quit")) {
                    break;
                }
            }
        } finally {
            server.close();
            hub.close();
            store.close();
        }
        System.exit(0);
    }

    /** Transactions the SQLite store committed (one fsync each), or -1 for a store that does not count them. */
    private static long commits(HubStore store) {
        return store instanceof SqliteHubStore sqlite ? sqlite.commits() : -1;
    }

    static HubStore openStore(String kind, String where) {
        if (kind.equals("sqlite")) {
            return SqliteHubStore.open(Path.of(where));
        }
        if (kind.equals("postgres")) {
            String user = System.getenv().getOrDefault("MULTISESSION_PG_USER", "multisession");
            String password = System.getenv().getOrDefault("MULTISESSION_PG_PASSWORD", "multisession");
            return PostgresHubStore.builder(where).credentials(user, password).open();
        }
        throw new IllegalArgumentException("store must be sqlite or postgres, not " + kind);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
