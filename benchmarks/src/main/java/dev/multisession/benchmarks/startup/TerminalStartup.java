package dev.multisession.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long a terminal takes to open its SQLite file at start-up, with the shipped schema runner
 * and with Flyway: each open in a fresh JVM (see {@link TerminalStoreOpen}), on a new file (first
 * start) and on an existing one (every later start), the runners interleaved so that a noisy
 * neighbour hurts both alike. Prints a Markdown table of medians; with {@code --out}, also writes
 * it to {@code terminal-startup.md} there.
 */
@Command(name = "TerminalStartup", mixinStandardHelpOptions = true,
        description = "Cold-JVM open time of a terminal's SQLite store: shipped runner vs Flyway.")
public final class TerminalStartup implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "11", description = "fresh JVMs per runner and case (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--out", description = "directory for terminal-startup.md")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TerminalStartup()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("terminal-startup");
        Map<TerminalStoreOpen.Runner, List<Sample>> created = new EnumMap<>(TerminalStoreOpen.Runner.class);
        Map<TerminalStoreOpen.Runner, List<Sample>> reopened = new EnumMap<>(TerminalStoreOpen.Runner.class);
        for (int run = 0; run < runs; run++) {
            for (TerminalStoreOpen.Runner runner : TerminalStoreOpen.Runner.values()) {
                Path file = work.resolve(runner.name().toLowerCase() + "-" + run + ".db");
                created.computeIfAbsent(runner, r -> new ArrayList<>()).add(openInFreshJvm(runner, file));
                reopened.computeIfAbsent(runner, r -> new ArrayList<>()).add(openInFreshJvm(runner, file));
            }
        }
        StringBuilder table = new StringBuilder()
                .append("| runner | new file: open (ms) | new file: whole JVM (ms) | existing file: open (ms) |")
                .append(" existing file: whole JVM (ms) |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (TerminalStoreOpen.Runner runner : TerminalStoreOpen.Runner.values()) {
            table.append(String.format("| %s | %s | %s | %s | %s |%n", runner.name().toLowerCase(),
                    summary(created.get(runner), true), summary(created.get(runner), false),
                    summary(reopened.get(runner), true), summary(reopened.get(runner), false)));
        }
        table.append(String.format("%nMedian (min–max) of %d cold JVMs each; open = inside the JVM, class loading"
                + " included; whole JVM = process start to exit.%n", runs));
        System.out.print(table);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("terminal-startup.md"), table);
        }
        return 0;
    }

    private static Sample openInFreshJvm(TerminalStoreOpen.Runner runner, Path file)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", TerminalStoreOpen.class.getName(),
                runner.name(), file.toString())
                .redirectErrorStream(true).start();
        long started = System.nanoTime();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(runner + " open of " + file + " failed:\n" + output);
        }
        long wholeNanos = System.nanoTime() - started;
        long openNanos = output.lines().filter(line -> line.startsWith("open_ns="))
                .mapToLong(line -> Long.parseLong(line.substring("open_ns=".length()))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open_ns= in the output of " + runner + ":\n" + output));
        return new Sample(openNanos, wholeNanos);
    }

    private static String summary(List<Sample> samples, boolean open) {
        double[] millis = samples.stream().mapToDouble(s -> (open ? s.openNanos() : s.wholeNanos()) / 1e6).sorted().toArray();
        double median = millis.length % 2 == 1 ? millis[millis.length / 2]
                : (millis[millis.length / 2 - 1] + millis[millis.length / 2]) / 2;
        return String.format("%.0f (%.0f–%.0f)", median, millis[0], Arrays.stream(millis).max().orElse(0));
    }

    private record Sample(long openNanos, long wholeNanos) {}
}
