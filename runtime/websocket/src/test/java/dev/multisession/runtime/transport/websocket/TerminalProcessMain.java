package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.store.jdbc.SqliteTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A terminal in its own JVM for the crash test, keeping its state in a SQLite file.
 * Arguments: hub URI, token, store file, then either {@code edit <lines>} (open an order and add
 * that many lines, printing {@code EDITED <order uid> <line>} after each edit returns, then
 * {@code DONE}) or {@code resume} (just reconnect). Runs until killed.
 */
public final class TerminalProcessMain {

    private TerminalProcessMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ExecutorService ui = Executors.newSingleThreadExecutor();
        Terminal<Order> terminal = Terminal.builder(Order.class).session("bistro").terminalId("W").user("waiter W")
                .store(SqliteTerminalStore.open(Path.of(args[2])))
                .transport(WebSocketTerminalTransport.builder(URI.create(args[0]), args[1])
                        .backoff(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200)).build())
                .executor(ui).build().start();
        if (args[3].equals("edit")) {
            int lines = Integer.parseInt(args[4]);
            Order order = ui.submit(() -> terminal.newOrder(o -> o.table = "T-offline")).get();
            for (int i = 0; i < lines; i++) {
                String uid = "W-" + i;
                ui.submit(() -> terminal.edit(order, o -> o.lines.add(new Orderline(uid, 3, BigDecimal.ONE, 1))))
                        .get();
                out.println("EDITED " + order.uid + " " + uid);
            }
            out.println("DONE");
        } else {
            out.println("RESUMED");
        }
        Thread.currentThread().join();
    }
}
