package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalState;
import dev.multisession.runtime.terminal.spi.TerminalStore.TerminalWrite;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link KillNineTest}: commits one change after another to a store and
 * prints {@code ack <n>} after each commit returns, until it is killed.
 */
public final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        String mode = args[0];
        Path file = Path.of(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        if (mode.equals("hub")) {
            SqliteHubStore store = SqliteHubStore.open(file);
            while (true) {
                long seq = store.inSession("s1", tx -> {
                    SessionHead head = tx.head();
                    long next = head.seq() + 1;
                    tx.saveHead(new SessionHead(head.runId(), next, head.lastOrderNumber() + 1, head.logFloor()));
                    tx.saveOrder(HubStoreContract.order("o" + next, 1, next));
                    tx.appendLog(HubStoreContract.change(next));
                    return next;
                });
                out.println("ack " + seq);
            }
        }
        SqliteTerminalStore store = SqliteTerminalStore.open(file);
        TerminalState state = store.load();
        long id = state.lastMutationId();
        while (true) {
            id++;
            store.write(new TerminalWrite(1, id, id, false,
                    List.of(SqliteTerminalStoreTest.orderState("o" + (id % 5), id, 1, "T" + id)),
                    List.of(), List.of(SqliteTerminalStoreTest.mutate(id)), List.of()));
            out.println("ack " + id);
        }
    }
}
