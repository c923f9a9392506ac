package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's SQLite file is backed up while it runs (docs/OPERATIONS.md), the terminals go on
 * editing, the hub is killed and its file restored from the backup. The restored hub has
 * handled fewer of each terminal's changes than the terminals know: they must agree on where
 * to continue, so that every change made after the restore reaches everyone (what was made
 * between the backup and the restore is lost on the hub, as expected), and the hub says what
 * happened in its log.
 */
class HubRestoreTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void terminalsAheadOfARestoredHubContinueWithIt() throws Exception {
        Path database = dir.resolve("hub.db");
        Path backup = dir.resolve("backup.db");
        Path tokenFile = dir.resolve("tokens.json");
        TerminalTokens tokens = TerminalTokens.open(tokenFile);
        int port = LoopbackPorts.free();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        HubProcess hub = HubProcess.start(database, tokenFile, port, dir.resolve("hub-1.log"));
        List<TestTerminal> devices = new ArrayList<>();
        try {
            TestTerminal a = new TestTerminal("A", uri, tokens.issue("bistro", "A"));
            TestTerminal b = new TestTerminal("B", uri, tokens.issue("bistro", "B"));
            devices.add(a);
            devices.add(b);
            Order order = a.onUi(() -> a.terminal.newOrder(o -> o.table = "T1"));
            Eventually.await(() -> b.onUi(() -> b.terminal.order(order.uid)) != null, "B sees the order", 30);
            Set<String> kept = new TreeSet<>();
            kept.addAll(a.addLines(order.uid, "A-before", 3));
            kept.addAll(b.addLines(order.uid, "B-before", 3));
            Eventually.await(() -> a.idle() && b.idle(), "edits before the backup acknowledged", 30);

            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
                    Statement sql = sqlite.createStatement()) {
                sql.execute("VACUUM INTO '" + backup + "'");
            }
            a.addLines(order.uid, "A-lost", 4);
            b.addLines(order.uid, "B-lost", 4);
            Eventually.await(() -> a.idle() && b.idle(), "edits after the backup acknowledged", 30);

            hub.kill();
            Files.copy(backup, database, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve("hub.db-wal"));
            Files.deleteIfExists(dir.resolve("hub.db-shm"));
            hub = HubProcess.start(database, tokenFile, port, dir.resolve("hub-2.log"));
            Eventually.await(() -> a.onUi(a.terminal::isOnline) && b.onUi(b.terminal::isOnline),
                    "both terminals back with the restored hub", 30);

            kept.addAll(a.addLines(order.uid, "A-after", 3));
            kept.addAll(b.addLines(order.uid, "B-after", 3));
            Eventually.await(() -> a.idle() && b.idle(), "edits after the restore acknowledged", 30);
            Eventually.await(() -> a.lineUids(order.uid).equals(kept) && b.lineUids(order.uid).equals(kept),
                    "both terminals show what the restored hub holds", 30);

            TestTerminal fresh = new TestTerminal("C", uri, tokens.issue("bistro", "C"));
            devices.add(fresh);
            Eventually.await(() -> fresh.idle() && fresh.lineUids(order.uid).equals(kept), "a new terminal agrees", 30);
            String log = hub.log();
            assertTrue(log.contains("restored from an older copy"), "the hub logs what happened: " + log);
        } finally {
            devices.forEach(TestTerminal::close);
            hub.close();
        }
    }


}
