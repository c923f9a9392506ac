package dev.multisession.sample.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.sample.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The hub command in its own JVM, as an operator runs it. */
class HubProcessTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermClosesTheStoreAndExitsWithZero() throws Exception {
        Process hub = startHub("info", dir.resolve("hub.log"), "--log-size", "500");
        try {
            awaitListening(hub, dir.resolve("hub.log"));
            long signalled = System.nanoTime();
            hub.destroy(); // SIGTERM
            assertTrue(hub.waitFor(10, TimeUnit.SECONDS), "the hub stopped");
            long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            System.out.println("hub stopped " + stoppedMillis + " ms after SIGTERM");
            assertEquals(0, hub.exitValue(), "exit code after SIGTERM");
            assertTrue(stoppedMillis < 2_000, "stopped within a second or so: " + stoppedMillis + " ms");
            assertTrue(Files.readString(dir.resolve("hub.log")).contains("hub store closed"),
                    "the store was closed: " + Files.readString(dir.resolve("hub.log")));
        } finally {
            hub.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSecondHubOnTheSameSqliteFileIsRefusedAtOnceInOneLine() throws Exception {
        Process first = startHub("warn", dir.resolve("first.log"));
        try {
            awaitListening(first, dir.resolve("first.log"));
            long started = System.nanoTime();
            Process second = startHub("warn", dir.resolve("second.log"));
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second hub gave up");
            long refusedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("second hub refused " + refusedMillis + " ms after it started");
            List<String> errors = Files.readAllLines(dir.resolve("second.log"));
            // a JVM start and the lock; SQLite itself would give up only after its busy timeout
            assertTrue(refusedMillis < 10_000, "refused at once: " + refusedMillis + " ms");
            assertEquals(2, second.exitValue(), "exit code: " + errors);
            List<String> reported = errors.stream().filter(line -> line.startsWith("error:")).toList();
            assertEquals(1, reported.size(), "one error line: " + errors);
            assertTrue(reported.get(0).contains("another hub is already using"), reported.get(0));
            assertTrue(errors.stream().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception")),
                    "no stack trace: " + errors);
            assertTrue(first.isAlive(), "the first hub goes on");
        } finally {
            first.destroyForcibly();
        }
    }

    private Process startHub(String logLevel, Path log, String... more) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=" + logLevel, Main.class.getName(), "hub",
                "--config", dir.resolve("hub.json").toString(), "--sqlite", dir.resolve("hub.db").toString(),
                "--host", "127.0.0.1", "--port", "0"));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    private static void awaitListening(Process hub, Path log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("hub listening on")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return false;
        });
        assertTrue(listening.get(30, TimeUnit.SECONDS), "the hub started: " + Files.readString(log));
    }
}
