package dev.multisession.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a {@link HubProcess} as a child JVM and asks it for its CPU time and heap. */
final class HubHandle implements AutoCloseable {

    /** What the hub process reported at one moment. */
    record Stats(long cpuNanos, long heapBytes, int connections, int threads, long atNanos) {}

    /**
     * The hub process's CPU time at one moment, read without a GC, and its store's commits so far
     * (-1 for a store that does not count them; {@link HubProcess} always sends both).
     */
    record Cpu(long cpuNanos, long commits, long atNanos) {}

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final int port;

    private HubHandle(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.port = Integer.parseInt(expect("PORT")[1]);
    }

    /** Starts a hub on {@code store} ("sqlite" with a file, "postgres" with a JDBC URL) and waits until it listens. */
    static HubHandle start(String store, String where, Path tokens, String heap, long maxSeconds) throws IOException {
        List<String> command = new ArrayList<>();
        // the generator's own java unless another is named, to tell the hub's JDK from the clients'
        command.add(System.getProperty("hub.java", ProcessHandle.current().info().command().orElse("java")));
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        String workers = System.getProperty("hub.workers");
        if (workers != null) {
            command.add("-Dhub.workers=" + workers);
        }
        String flightRecording = System.getProperty("hub.jfr");
        if (flightRecording != null) {
            command.add("-XX:StartFlightRecording=filename=" + flightRecording + ",settings=profile");
        }
        // more options for the hub's JVM, separated by spaces: an AOT cache on JDK 25, a GC log
        String jvmOptions = System.getProperty("hub.jvmOptions", "").strip();
        if (!jvmOptions.isEmpty()) {
            command.addAll(List.of(jvmOptions.split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HubProcess.class.getName());
        command.add(store);
        command.add(where);
        command.add(tokens.toString());
        command.add(Long.toString(maxSeconds));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new HubHandle(process);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time so far, without the GC of {@link #stats()}: for the ends of a measured window. */
    synchronized Cpu cpu() throws IOException {
        long now = System.nanoTime();
        in.println("cpu");
        String[] parts = expect("CPU");
        return new Cpu(Long.parseLong(parts[1]), Long.parseLong(parts[2]), now);
    }

    /**
     * CPU time so far and heap used after a full GC (the GC itself takes a moment, and CPU): never
     * inside a measured window.
     */
    synchronized Stats stats() throws IOException {
        long now = System.nanoTime();
        in.println("stats");
        String[] parts = expect("STATS");
        return new Stats(Long.parseLong(parts[1]), Long.parseLong(parts[2]), Integer.parseInt(parts[3]),
                Integer.parseInt(parts[4]), now);
    }

    /** Issues a terminal token in a hub started with the token file {@code -} (tokens in memory). */
    synchronized String issue(String session, String terminal) throws IOException {
        in.println("issue " + session + " " + terminal);
        return expect("TOKEN")[1];
    }

    private String[] expect(String tag) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(tag + " ")) {
                return line.split(" ");
            }
        }
        throw new IOException("hub process ended before it said " + tag + " (exit " + exitValue() + ")");
    }

    private String exitValue() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
