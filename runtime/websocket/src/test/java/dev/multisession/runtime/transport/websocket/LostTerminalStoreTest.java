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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal process works with the hub, is killed and loses its SQLite file (a replaced
 * tablet). Started again on a new file while the hub is unreachable, it opens an order and
 * adds lines, and is killed again. When the hub is back, its offline changes must arrive
 * exactly once although their ids start again at 1, below what the hub has handled from it.
 */
class LostTerminalStoreTest {

    private static final int LINES_BEFORE = 5;
    private static final int LINES_OFFLINE = 8;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void offlineEditsOfAFreshStoreArriveExactlyOnce() throws Exception {
        int port = LoopbackPorts.free();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        TerminalTokens tokens = TerminalTokens.inMemory();
        String token = tokens.issue("bistro", "W");
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        HubServer server = HubServer.builder().host("127.0.0.1").port(port).hub(hub).tokens(tokens).start();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        Terminal<Order> observer = Terminal.builder(Order.class).session("bistro").terminalId("O")
                .store(new InMemoryTerminalStore())
                .transport(WebSocketTerminalTransport.builder(uri, tokens.issue("bistro", "O"))
                        .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).build())
                .executor(ui).build().start();
        Process terminal = null;
        try {
            Path firstStore = folder.resolve("tablet-1.db");
            terminal = startTerminal(uri, token, firstStore, "edit", Integer.toString(LINES_BEFORE));
            Edits before = readEdits(terminal);
            Eventually.await(() -> lines(ui, observer, before.order).equals(before.lines),
                    "the first tablet's edits reached the hub", 30);
            terminal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Files.delete(firstStore);

            server.close(); // the hub is unreachable while the new tablet works
            Path secondStore = folder.resolve("tablet-2.db");
            terminal = startTerminal(uri, token, secondStore, "edit", Integer.toString(LINES_OFFLINE));
            Edits offline = readEdits(terminal);
            terminal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            server = HubServer.builder().host("127.0.0.1").port(port).hub(hub).tokens(tokens).start();
            terminal = startTerminal(uri, token, secondStore, "resume");
            Eventually.await(() -> lines(ui, observer, offline.order).equals(offline.lines),
                    "every offline edit of the new tablet reached the other terminal", 30);
            assertEquals(before.lines, lines(ui, observer, before.order), "the first tablet's order is untouched");
            assertEquals("T-offline", ui.submit(() -> observer.order(offline.order).table).get(10, TimeUnit.SECONDS));
        } finally {
            observer.close();
            ui.shutdownNow();
            if (terminal != null) {
                terminal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            server.close();
            hub.close();
        }
    }

    /** The order a terminal process opened and the lines it added to it. */
    private record Edits(String order, Set<String> lines) {}

    private static Set<String> lines(ExecutorService ui, Terminal<Order> observer, String orderUid) throws Exception {
        return ui.submit(() -> {
            Set<String> uids = new TreeSet<>();
            Order order = observer.order(orderUid);
            if (order != null) {
                order.lines.forEach(line -> uids.add(line.uid));
            }
            return uids;
        }).get(10, TimeUnit.SECONDS);
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

    /** Reads {@code EDITED <order> <line>} lines up to {@code DONE}, waiting at most a minute. */
    private static Edits readEdits(Process process) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            return reader.submit(() -> {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                String order = null;
                Set<String> lines = new TreeSet<>();
                String line;
                while ((line = out.readLine()) != null && !line.equals("DONE")) {
                    if (line.startsWith("EDITED ")) {
                        String[] parts = line.split(" ");
                        order = parts[1];
                        lines.add(parts[2]);
                    }
                }
                if (line == null) {
                    throw new IllegalStateException("terminal process ended before printing DONE");
                }
                return new Edits(order, lines);
            }).get(60, TimeUnit.SECONDS);
        } finally {
            reader.shutdownNow();
        }
    }

}
