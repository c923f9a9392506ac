package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hub process on SQLite is killed with SIGKILL again and again while two terminals add
 * lines over WebSocket. Once the terminals' outboxes are empty (every edit acknowledged), a
 * last kill and a fresh terminal that knows nothing must still see every line.
 */
class HubCrashTest {

    private static final int KILLS = 4;

    @TempDir
    Path dir;

    /**
     * Only a net against a hang: every step below has its own bound, and on a loaded machine
     * five hub starts and the waits between them take well over a minute.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEditSurvivesKillNine() throws Exception {
        Path database = dir.resolve("hub.db");
        Path tokenFile = dir.resolve("tokens.json");
        TerminalTokens tokens = TerminalTokens.open(tokenFile);
        int port = LoopbackPorts.free();
        URI uri = URI.create("ws://localhost:" + port + "/ws");
        Process hub = startHub(database, tokenFile, port);
        List<TestTerminal> devices = new ArrayList<>();
        try {
            TestTerminal a = new TestTerminal("A", uri, tokens.issue("bistro", "A"));
            TestTerminal b = new TestTerminal("B", uri, tokens.issue("bistro", "B"));
            devices.add(a);
            devices.add(b);
            Order order = a.onUi(() -> a.terminal.newOrder(o -> o.table = "T1"));
            Eventually.await(() -> b.onUi(() -> b.terminal.order(order.uid)) != null, "B sees the order", 30);
            Order onB = b.onUi(() -> b.terminal.order(order.uid));

            AtomicBoolean editing = new AtomicBoolean(true);
            Set<String> added = java.util.Collections.synchronizedSet(new HashSet<>());
            CompletableFuture<Void> editsA = edit(a, order, "A", editing, added);
            CompletableFuture<Void> editsB = edit(b, onB, "B", editing, added);
            for (int kill = 0; kill < KILLS; kill++) {
                // Each hub life gets edits from both terminals, however slowly they reconnect.
                Eventually.await(() -> a.onUi(a.terminal::isOnline) && b.onUi(b.terminal::isOnline),
                        "both terminals back on the hub", 30);
                Thread.sleep(700 + kill * 150L);
                hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                Thread.sleep(200);
                hub = startHub(database, tokenFile, port);
            }
            editing.set(false);
            editsA.get(10, TimeUnit.SECONDS);
            editsB.get(10, TimeUnit.SECONDS);
            Eventually.await(() -> a.idle() && b.idle(), "every edit acknowledged", 30);
            assertTrue(added.size() > 20, "edits were made throughout: " + added.size());

            hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            hub = startHub(database, tokenFile, port);
            TestTerminal fresh = new TestTerminal("C", uri, tokens.issue("bistro", "C"));
            devices.add(fresh);
            Eventually.await(() -> fresh.idle() && fresh.onUi(() -> fresh.terminal.order(order.uid)) != null, "C has the order", 30);
            Set<String> seen = fresh.onUi(() -> {
                Set<String> uids = new HashSet<>();
                fresh.terminal.order(order.uid).lines.forEach(line -> uids.add(line.uid));
                return uids;
            });
            assertEquals(added, seen, "lines lost across kill -9: " + diff(added, seen));
            assertNotNull(fresh.onUi(() -> fresh.terminal.order(order.uid).table));
        } finally {
            devices.forEach(TestTerminal::close);
            hub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The editors and the readiness reader block for long; on the common pool (one worker on a
     * two-core machine) they would wait for one another.
     */
    private static final ExecutorService BLOCKING_TASKS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "crash-test");
        thread.setDaemon(true);
        return thread;
    });

    private static CompletableFuture<Void> edit(TestTerminal device, Order order, String prefix, AtomicBoolean editing,
            Set<String> added) {
        return CompletableFuture.runAsync(() -> {
            int i = 0;
            while (editing.get()) {
                String uid = prefix + "-" + i++;
                try {
                    device.onUi(() -> {
                        device.terminal.edit(order, o -> o.lines.add(new Orderline(uid, 1, BigDecimal.ONE, 1)));
                        return null;
                    });
                    added.add(uid);
                    Thread.sleep(15);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, BLOCKING_TASKS);
    }

    private static Set<String> diff(Set<String> expected, Set<String> actual) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }

    private static Process startHub(Path database, Path tokens, int port) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                HubProcessMain.class.getName(), database.toString(), tokens.toString(), Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY")) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }, BLOCKING_TASKS);
        // Any way out but READY (also the test's timeout interrupting this wait) kills the process:
        // left running, it would hold the build's output pipe open and hang Maven.
        boolean started = false;
        try {
            if (!"READY".equals(ready.get(30, TimeUnit.SECONDS))) {
                throw new IllegalStateException("hub process exited before it was ready: " + process.exitValue());
            }
            started = true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("hub process did not start", e);
        } finally {
            if (!started) {
                process.destroyForcibly();
            }
        }
        return process;
    }

}
