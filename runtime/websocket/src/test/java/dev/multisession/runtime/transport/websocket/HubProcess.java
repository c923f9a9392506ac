package dev.multisession.runtime.transport.websocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link HubProcessMain} in its own JVM whose log (warnings and up) goes to a file, so a test
 * can check what an operator would read.
 */
final class HubProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private HubProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts a hub on {@code database} and waits until it accepts connections. */
    static HubProcess start(Path database, Path tokens, int port, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                HubProcessMain.class.getName(), database.toString(), tokens.toString(), Integer.toString(port))
                .redirectError(log.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            ready.complete(false);
        }, "hub-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("hub process exited before it was ready: " + Files.readString(log));
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("hub process did not start", e);
        }
        return new HubProcess(process, log);
    }

    /** What the hub has logged so far. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
