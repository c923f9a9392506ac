package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.store.jdbc.SqliteTerminalStore;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.runtime.transport.websocket.model.Order;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case a restore could not be seen in by counts alone: terminal C, on its own SQLite file,
 * applies changes made after the hub's backup and is switched off. The hub's file is restored
 * from the backup, and the restored hub takes new changes from terminal A, more of them than it
 * lost, so its seq passes the one C had applied. When C comes back, nothing in its seq or its
 * change count is ahead of the hub; only the tag of the last event it applied shows that it
 * followed another history. It must take the hub's state (and say so), not replay the new
 * events on top of changes the hub no longer has.
 */
class RestoredHubNewHistoryTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTerminalOfflineDuringTheRestoreTakesTheRestoredHubsNewHistory() throws Exception {
        Path database = dir.resolve("hub.db");
        Path backup = dir.resolve("backup.db");
        Path tokenFile = dir.resolve("tokens.json");
        Path cFile = dir.resolve("terminal-c.db");
        TerminalTokens tokens = TerminalTokens.open(tokenFile);
        String cToken = tokens.issue("bistro", "C");
        int port = LoopbackPorts.free();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        HubProcess hub = HubProcess.start(database, tokenFile, port, dir.resolve("hub-1.log"));
        List<TestTerminal> devices = new ArrayList<>();
        List<String> warnings = new CopyOnWriteArrayList<>();
        try {
            TestTerminal a = new TestTerminal("A", uri, tokens.issue("bistro", "A"));
            devices.add(a);
            TestTerminal c = terminalC(uri, cToken, cFile, warnings);
            devices.add(c);
            Order order = a.onUi(() -> a.terminal.newOrder(o -> o.table = "T1"));
            Set<String> kept = new TreeSet<>(a.addLines(order.uid, "before", 3));
            Eventually.await(() -> a.idle() && c.idle() && c.lineUids(order.uid).equals(kept),
                    "C has the edits before the backup", 30);

            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
                    Statement sql = sqlite.createStatement()) {
                sql.execute("VACUUM INTO '" + backup + "'");
            }
            Set<String> lost = new TreeSet<>(kept);
            lost.addAll(a.addLines(order.uid, "lost", 3));
            Eventually.await(() -> a.idle() && c.idle() && c.lineUids(order.uid).equals(lost),
                    "C has applied the edits after the backup", 30);
            c.close(); // switched off during the restore, with nothing pending
            devices.remove(c);

            hub.kill();
            Files.copy(backup, database, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve("hub.db-wal"));
            Files.deleteIfExists(dir.resolve("hub.db-shm"));
            hub = HubProcess.start(database, tokenFile, port, dir.resolve("hub-2.log"));
            Eventually.await(() -> a.idle() && a.lineUids(order.uid).equals(kept), "A is back with the restored hub", 30);

            // more new changes than the hub lost: the restored hub's seq passes the one C applied
            kept.addAll(a.addLines(order.uid, "after", 5));
            Eventually.await(() -> a.idle() && a.lineUids(order.uid).equals(kept), "A's new edits acknowledged", 30);

            TestTerminal back = terminalC(uri, cToken, cFile, warnings);
            devices.add(back);
            Eventually.await(() -> back.idle() && back.lineUids(order.uid).equals(kept),
                    "C shows what the restored hub holds, not its old copy with the new events on top", 30);
            assertEquals(kept, a.lineUids(order.uid));
            assertTrue(warnings.stream().anyMatch(w -> w.contains("the hub's store went back")),
                    "C tells its application: " + warnings);
            String log = hub.log();
            assertTrue(log.contains("which is not this hub's event at that seq"), "the hub logs what happened: " + log);
        } finally {
            devices.forEach(TestTerminal::close);
            hub.close();
        }
    }

    private static TestTerminal terminalC(URI uri, String token, Path file, List<String> warnings) {
        return new TestTerminal("C", uri, token, SqliteTerminalStore.open(file), new TerminalListener<>() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
    }


}
