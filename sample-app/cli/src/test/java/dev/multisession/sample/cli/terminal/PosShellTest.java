package dev.multisession.sample.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.sample.cli.Main;
import dev.multisession.sample.restaurant.RestaurantOrder;
import picocli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two interactive terminals driven through their input and output, against a real hub on loopback. */
class PosShellTest {

    private final TerminalTokens tokens = TerminalTokens.inMemory();
    @TempDir
    Path folder;
    private SqliteHubStore store;
    private Hub hub;
    private HubServer server;

    @BeforeEach
    void startHub() {
        store = SqliteHubStore.open(folder.resolve("hub.db"));
        hub = Hub.builder().store(store).model(RestaurantOrder.class).build();
        server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
    }

    @AfterEach
    void stopHub() {
        server.close();
        hub.close();
        store.close();
    }

    @Test
    void twoShellsSeeEachOthersChanges() throws Exception {
        try (Shell anna = new Shell("anna"); Shell ben = new Shell("ben")) {
            anna.awaitOutput("online");
            ben.awaitOutput("online");

            anna.type("open T1 2 Terrace");
            anna.awaitOutput("Opened");
            anna.type("add T1 Soup 6.50 2");
            anna.awaitOutput("Added 2 x Soup");
            ben.awaitOutput("table T1 Terrace, 2 guests, 1 line, 13.00");

            ben.type("qty #1 1 +1");
            ben.awaitOutput("Soup is now 3");
            anna.awaitOutput("1 line, 19.50");

            anna.type("send 1");
            anna.awaitOutput("Sent 1 line(s) of #1 to the kitchen screen");
            anna.type("orders");
            anna.awaitOutput("1. 3 x Soup 6.50 [to kitchen]");

            ben.type("pay T1");
            ben.awaitOutput("Payment of 19.50 for #1 (table T1) taken; the receipt prints once the hub confirms it");
            ben.awaitOutput("Receipt: paid 19.50 for #1 (table T1), order #1 confirmed by the hub; the order is closed");
            anna.awaitOutput("order of table T1 was paid");

            anna.type("quit");
            assertEquals(0, anna.exit.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void badCommandsGetAClearMessageAndChangeNothing() throws Exception {
        try (Shell shell = new Shell("anna")) {
            shell.awaitOutput("online");
            shell.type("dance");
            shell.awaitOutput("Error: unknown command 'dance'. Type 'help' for the list.");
            shell.type("add 7 Soup 4");
            shell.awaitOutput("Error: no open order numbered or at table '7'. Type 'orders' to list them.");
            shell.type("open T2");
            shell.type("add T2 Soup cheap");
            shell.awaitOutput("Error: price must be a number such as 4.50, not 'cheap'");
            shell.type("qty T2 5 +1");
            shell.awaitOutput("Error: line 5 does not exist: the order has 0 line(s), numbered from 1");
            shell.type("open");
            shell.awaitOutput("Error: missing arguments. Usage: open <table> [guests] [floor]");
            shell.type("help");
            shell.awaitOutput("send <order>");
            shell.type("orders");
            shell.awaitOutput("table T2, 1 guest, 0 lines, 0.00");
        }
    }

    @Test
    void aRefusedTokenIsSaidPlainly() throws Exception {
        try (Shell shell = new Shell("anna", "not-a-token")) {
            shell.awaitOutput("the hub refused the token for terminal anna of session bistro: check --token");
        }
    }

    /** One terminal command running on its own thread, fed through a pipe. */
    private final class Shell implements AutoCloseable {
        final PipedOutputStream keys = new PipedOutputStream();
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final CompletableFuture<Integer> exit;

        Shell(String terminal) throws IOException {
            this(terminal, tokens.issue("bistro", terminal));
        }

        Shell(String terminal, String token) throws IOException {
            PipedInputStream in = new PipedInputStream(keys);
            PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
            String[] args = {"terminal", "--url", server.loopbackUri().toString(), "--token", token,
                "--session", "bistro", "--terminal", terminal, "--user", terminal,
                "--store", folder.resolve(terminal + ".pos.db").toString()};
            CommandLine.IFactory factory = new CommandLine.IFactory() {
                @Override
                @SuppressWarnings("unchecked")
                public <K> K create(Class<K> type) throws Exception {
                    return type == TerminalCommand.class
                            ? (K) new TerminalCommand(in, out)
                            : CommandLine.defaultFactory().create(type);
                }
            };
            // A thread of its own: the shell blocks on its input for its whole life.
            exit = CompletableFuture.supplyAsync(() -> Main.commandLine(factory).execute(args),
                    task -> new Thread(task, "shell-" + terminal).start());
        }

        void type(String line) throws IOException {
            keys.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        void awaitOutput(String expected) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                if (text().contains(expected)) {
                    return;
                }
                Thread.sleep(10);
            }
            fail("did not print '" + expected + "'; the screen shows:\n" + text());
        }

        String text() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public void close() throws Exception {
            keys.close();
            exit.get(10, TimeUnit.SECONDS);
            assertTrue(text().contains("Bye."), text());
        }
    }
}
