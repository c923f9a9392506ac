package dev.multisession.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;
import java.util.function.ToIntFunction;

/**
 * The steps both load generators take around a measurement: pacing work at a fixed rate,
 * waiting for the terminals to settle and drain, and reading CPU over the measured window.
 */
final class LoadSteps {

    private LoadSteps() {}

    /**
     * Hands out work round-robin at {@code rate} per second from {@code start} to {@code end}
     * ({@link System#nanoTime()}), each with the time it was due.
     */
    static <T> void pace(List<T> terminals, double rate, long start, long end, ObjLongConsumer<T> work) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a rate must be above 0 per second, not " + rate);
        }
        double period = 1e9 / rate;
        for (long k = 0; ; k++) {
            long due = start + (long) (k * period);
            if (due >= end) {
                return;
            }
            long wait = due - System.nanoTime();
            if (wait > 20_000) {
                LockSupport.parkNanos(wait);
            }
            work.accept(terminals.get((int) (k % terminals.size())), due);
        }
    }

    /** Waits until every terminal has settled with the orders it should know, for at most {@code seconds}. */
    static <T extends DrivenTerminal> void awaitSettled(List<T> terminals, ToIntFunction<T> expectedOrders, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (T terminal : terminals) {
            while (!terminal.settled(expectedOrders.applyAsInt(terminal))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("terminal " + terminal.id() + " did not settle within " + seconds + " s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Waits until no terminal has unanswered edits, for at most {@code seconds}; says which one had some then. */
    static void awaitDrained(List<? extends DrivenTerminal> terminals, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (DrivenTerminal terminal : terminals) {
            int pending;
            while ((pending = pendingOrStuck(terminal)) > 0) {
                if (System.nanoTime() > deadline) {
                    System.err.println("terminal " + terminal.id() + " still has " + pending + " edit(s) unanswered after "
                            + seconds + " s");
                    return;
                }
                Thread.sleep(20);
            }
        }
    }

    private static int pendingOrStuck(DrivenTerminal terminal) {
        try {
            return terminal.pending();
        } catch (IllegalStateException e) {
            return 1;
        }
    }

    /**
     * CPU over a measured window: the hub's and this process's, in cores; and the hub store's
     * commits in it (NaN for a store that does not count them).
     */
    record CpuShare(double hubCores, double clientCores, double hubCommits, double seconds) {

        /** Commits per second over the window. */
        double commitsPerSecond() {
            return hubCommits / seconds;
        }
    }

    /**
     * Sleeps until {@code start}, reads the hub's and this process's CPU time, sleeps until
     * {@code end} and reads them again. The reads run no GC in the hub ({@link HubHandle#cpu()}):
     * heap is measured after the window, so neither its collections nor their pauses land in it.
     */
    static CpuShare measureCpu(HubHandle hub, long start, long end) throws IOException, InterruptedException {
        sleepUntil(start);
        HubHandle.Cpu hubFirst = hub.cpu();
        long clientFirst = ownCpuNanos();
        long clientFirstAt = System.nanoTime();
        sleepUntil(end);
        HubHandle.Cpu hubLast = hub.cpu();
        long clientLast = ownCpuNanos();
        long clientLastAt = System.nanoTime();
        double hubWall = (hubLast.atNanos() - hubFirst.atNanos()) / 1e9;
        double clientWall = (clientLastAt - clientFirstAt) / 1e9;
        double commits = hubFirst.commits() < 0 ? Double.NaN : hubLast.commits() - hubFirst.commits();
        return new CpuShare((hubLast.cpuNanos() - hubFirst.cpuNanos()) / 1e9 / hubWall,
                (clientLast - clientFirst) / 1e9 / clientWall, commits, hubWall);
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
