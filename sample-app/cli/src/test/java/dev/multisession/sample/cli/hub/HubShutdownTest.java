package dev.multisession.sample.cli.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.sample.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The hub command in its own JVM stops on SIGTERM at once, closes its store and exits with 0. */
class HubShutdownTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermClosesTheStoreAndExitsWithZero() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process hub = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", Main.class.getName(), "hub",
                "--config", dir.resolve("hub.json").toString(), "--sqlite", dir.resolve("hub.db").toString(),
                "--host", "127.0.0.1", "--port", "0", "--log-size", "500")
                .redirectError(dir.resolve("hub.log").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(hub.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("hub listening on")) {
                            return true;
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
                return false;
            });
            assertTrue(listening.get(30, TimeUnit.SECONDS), "the hub started: " + Files.readString(dir.resolve("hub.log")));

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
}
