package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is committing to an SQLite store with SIGKILL, repeatedly, and checks that
 * every commit it acknowledged (printed after {@code inSession} or {@code write} returned) is
 * in the file afterwards, with nothing half-written.
 */
class KillNineTest {
    private static final int ACKS_PER_RUN = 150;
    private static final int RUNS = 3;

    @TempDir
    Path directory;

    @Test
    void theHubStoreKeepsEveryAcknowledgedCommit() throws Exception {
        Path file = directory.resolve("hub.db");
        long acknowledged = 0;
        for (int run = 0; run < RUNS; run++) {
            acknowledged = runAndKill("hub", file, acknowledged);
            try (SqliteHubStore store = SqliteHubStore.open(file)) {
                SessionHead head = store.inSession("s1", tx -> tx.head());
                assertTrue(head.seq() >= acknowledged, "seq " + head.seq() + " < acknowledged " + acknowledged);
                assertEquals(head.seq(), head.lastOrderNumber());
                List<HubMessage.Event> log = store.readLog("s1", 0, Integer.MAX_VALUE);
                assertEquals(head.seq(), log.size());
                assertEquals(head.seq(), log.get(log.size() - 1).seq());
                assertEquals(head.seq(), store.inSession("s1", tx -> tx.openOrders()).size());
                acknowledged = head.seq();
            }
        }
    }

    @Test
    void theTerminalStoreKeepsEveryAcknowledgedWrite() throws Exception {
        Path file = directory.resolve("terminal.db");
        long acknowledged = 0;
        for (int run = 0; run < RUNS; run++) {
            acknowledged = runAndKill("terminal", file, acknowledged);
            try (SqliteTerminalStore store = SqliteTerminalStore.open(file)) {
                TerminalState state = store.load();
                assertTrue(state.lastMutationId() >= acknowledged,
                        "last mutation " + state.lastMutationId() + " < acknowledged " + acknowledged);
                assertEquals(state.lastMutationId(), state.lastSeq());
                assertEquals(state.lastMutationId(), state.outbox().size());
                for (int i = 0; i < state.outbox().size(); i++) {
                    assertEquals(i + 1, ((ClientMessage.Mutate) state.outbox().get(i)).mutationId());
                }
                acknowledged = state.lastMutationId();
            }
        }
    }

    /** Starts a writer, waits for {@link #ACKS_PER_RUN} more acknowledgements, kills it; returns the last one seen. */
    private static long runAndKill(String mode, Path file, long before) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashingWriter.class.getName(), mode, file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long last = before;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    last = Long.parseLong(line.substring(4));
                    if (last >= before + ACKS_PER_RUN) {
                        process.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
                        break;
                    }
                }
            }
        } finally {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "writer did not die");
        }
        assertTrue(last >= before + ACKS_PER_RUN, "writer stopped after ack " + last + " (exit " + process.exitValue() + ")");
        assertEquals(137, process.exitValue(), "writer was not killed by SIGKILL");
        return last;
    }
}
