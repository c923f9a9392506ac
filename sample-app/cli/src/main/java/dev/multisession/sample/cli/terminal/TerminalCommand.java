package dev.multisession.sample.cli.terminal;

import dev.multisession.runtime.store.jdbc.SqliteTerminalStore;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.transport.websocket.WebSocketTerminalTransport;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code terminal}: an interactive point of sale connected to a hub. */
@Command(
        name = "terminal",
        mixinStandardHelpOptions = true,
        description = {
            "An interactive, line-based point of sale connected to a hub. Run it in two shells to watch",
            "the orders sync. Type 'help' once connected."
        })
public final class TerminalCommand implements Callable<Integer> {

    @Option(names = "--url", required = true, description = "The hub's WebSocket address, such as ws://localhost:8080/ws.")
    private URI url;

    @Option(names = "--token", required = true, description = "This terminal's token (from 'hub token create').")
    private String token;

    @Option(names = "--session", required = true, description = "The multi-session the token was created for.")
    private String session;

    @Option(names = "--terminal", required = true, description = "This terminal's id, as in its token.")
    private String terminalId;

    @Option(names = "--user", description = "Who works on this terminal (recorded as the author of changes).")
    private String user;

    @Option(names = "--store", paramLabel = "FILE",
            description = "SQLite file that keeps this terminal's orders and unsent changes across restarts"
                    + " (default: <session>-<terminal>.pos.db in the current folder).")
    private Path storeFile;

    @Option(names = "--memory", description = "Keep state in memory only: unsent changes are lost if the terminal stops.")
    private boolean memoryOnly;

    private final InputStream in;
    private final PrintStream out;

    /** A terminal on standard input and output. */
    public TerminalCommand() {
        this(System.in, System.out);
    }

    /** A terminal reading commands from {@code in} and printing to {@code out} (for tests). */
    public TerminalCommand(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        ExecutorService uiThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "pos-ui");
            thread.setDaemon(true);
            return thread;
        });
        TerminalStore store = memoryOnly ? new InMemoryTerminalStore() : SqliteTerminalStore.open(storeFile());
        Terminal<RestaurantOrder> terminal = Terminal.builder(RestaurantOrder.class)
                .session(session)
                .terminalId(terminalId)
                .user(user)
                .store(store)
                .executor(uiThread)
                .transport(WebSocketTerminalTransport.builder(url, token).build())
                .build();
        try {
            PosShell shell = new PosShell(terminal, uiThread, out, Clock.systemUTC());
            terminal.addListener(new TerminalListener<>() {
                @Override
                public void unauthorized(String reason) {
                    out.println("* the hub refused the token for terminal " + terminalId + " of session " + session
                            + ": check --token (it keeps trying, in case the token is issued later)");
                }
            });
            out.println("Connecting to " + url + " as terminal " + terminalId + " of session " + session + " ...");
            terminal.start();
            shell.run(in);
        } finally {
            terminal.close();
            uiThread.shutdown();
            store.close();
        }
        return 0;
    }

    private Path storeFile() {
        return storeFile != null ? storeFile : Path.of(session + "-" + terminalId + ".pos.db");
    }
}
