package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.websocket.model.Order;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal process that works offline and is killed with {@code kill -9} restarts from its
 * SQLite file and sends every edit it had made; another terminal then sees all of them.
 */
class TerminalCrashTest {

    private static final int LINES = 30;

    @TempDir
    Path folder;

    @Test
    void editsMadeOfflineSurviveKillNineAndReachTheOthers() throws Exception {
        int port = LoopbackPorts.free();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        TerminalTokens tokens = TerminalTokens.inMemory();
        String token = tokens.issue("bistro", "W");
        Path store = folder.resolve("waiter.db");

        // No hub listens yet: the terminal is offline while it edits, then dies.
        Process offline = startTerminal(uri, token, store, "edit", Integer.toString(LINES));
        List<String> lines = readUntil(offline, "DONE");
        offline.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        String orderUid = lines.get(0).split(" ")[1];
        Set<String> edited = new HashSet<>();
        for (String line : lines) {
            edited.add(line.split(" ")[2]);
        }
        assertEquals(LINES, edited.size());

        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        HubServer server = HubServer.builder().host("127.0.0.1").port(port).hub(hub).tokens(tokens).start();
        Process resumed = startTerminal(uri, token, store, "resume");
        ExecutorService ui = Executors.newSingleThreadExecutor();
        Terminal<Order> observer = Terminal.builder(Order.class).session("bistro").terminalId("O")
                .store(new InMemoryTerminalStore())
                .transport(WebSocketTerminalTransport.builder(uri, tokens.issue("bistro", "O"))
                        .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).build())
                .executor(ui).build().start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Set<String> seen = Set.of();
            while (System.nanoTime() < deadline) {
                seen = ui.submit(() -> {
                    Order order = observer.order(orderUid);
                    Set<String> uids = new HashSet<>();
                    if (order != null) {
                        order.lines.forEach(line -> uids.add(line.uid));
                    }
                    return uids;
                }).get(10, TimeUnit.SECONDS);
                if (seen.equals(edited)) {
                    break;
                }
                Thread.sleep(25);
            }
            assertEquals(edited, seen, "edits made offline before kill -9 reached the other terminal");
            assertEquals("T-offline", ui.submit(() -> observer.order(orderUid).table).get(10, TimeUnit.SECONDS));
        } finally {
            observer.close();
            ui.shutdownNow();
            resumed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            server.close();
            hub.close();
        }
    }

    private static Process startTerminal(URI uri, String token, Path store, String... mode) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                TerminalProcessMain.class.getName(), uri.toString(), token, store.toString()));
        command.addAll(List.of(mode));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The {@code EDITED} lines the process prints before {@code last}, waiting at most a minute. */
    private static List<String> readUntil(Process process, String last) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            return reader.submit(() -> {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                String line;
                while ((line = out.readLine()) != null && !line.equals(last)) {
                    if (line.startsWith("EDITED ")) {
                        lines.add(line);
                    }
                }
                if (line == null) {
                    throw new IllegalStateException("terminal process ended before printing " + last);
                }
                return lines;
            }).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("terminal process did not print " + last + " within a minute", e);
        } finally {
            reader.shutdownNow();
        }
    }

}
