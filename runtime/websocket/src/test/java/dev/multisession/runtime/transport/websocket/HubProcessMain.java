package dev.multisession.runtime.transport.websocket;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A hub in its own JVM for the crash test: SQLite store, WebSocket server on a fixed port.
 * Prints {@code READY} on standard output once it accepts connections, then runs until killed.
 * Arguments: database file, token file, port.
 */
public final class HubProcessMain {

    private HubProcessMain() {}

    public static void main(String[] args) throws InterruptedException {
        SqliteHubStore store = SqliteHubStore.open(Path.of(args[0]));
        Hub hub = Hub.builder().store(store).build();
        HubServer.builder().host("127.0.0.1").port(Integer.parseInt(args[2])).hub(hub)
                .tokens(TerminalTokens.open(Path.of(args[1]))).start();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("READY");
        Thread.currentThread().join();
    }
}
