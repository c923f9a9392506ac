package dev.multisession.sample.cli.hub;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.runtime.transport.websocket.TokenEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hub}: runs a hub server until the process is stopped. */
@Command(
        name = "hub",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a hub server that the terminals of the multi-sessions in the config file connect to.",
            "Create a token for each terminal first with 'hub token create'."
        },
        subcommands = TokenCommand.class)
public final class HubCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", description = "Interface to listen on, such as 127.0.0.1 (default: all).")
    private String host;

    // Not required by picocli: 'hub token create' would then demand it of the parent command too.
    @Option(names = "--config", paramLabel = "FILE",
            description = "The hub's config: the multi-sessions and the hashed tokens of their terminals.")
    private Path config;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private StoreChoice store = new StoreChoice();

    @Option(names = "--user", description = "PostgreSQL role (with --postgres).")
    private String user;

    @Option(names = "--password", description = "PostgreSQL password (with --postgres).", interactive = false)
    private String password;

    /** Where the hub keeps its orders: one of the two, SQLite by default. */
    static final class StoreChoice {
        @Option(names = "--sqlite", paramLabel = "FILE",
                description = "SQLite database file (default: multisession-hub.db).")
        Path sqlite = Path.of("multisession-hub.db");

        @Option(names = "--postgres", paramLabel = "URL",
                description = "PostgreSQL JDBC URL, such as jdbc:postgresql://localhost:5432/pos.")
        String postgres;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (config == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option '--config=FILE': the file that"
                    + " holds the terminals' tokens (create it with 'hub token create --config FILE ...').");
        }
        TerminalTokens tokens = TerminalTokens.open(config);
        List<TokenEntry> entries = tokens.entries();
        if (entries.isEmpty()) {
            spec.commandLine().getErr().printf("No terminal tokens in %s yet: no terminal can connect. Create one with%n"
                    + "  hub token create --config %s --session SESSION --terminal TERMINAL%n", config, config);
        }
        try (HubStore hubStore = openStore(); Hub hub = Hub.builder().store(hubStore).build()) {
            HubServer.Builder server = HubServer.builder().port(port).hub(hub).tokens(tokens);
            if (host != null) {
                server.host(host);
            }
            try (HubServer running = server.start()) {
                out.printf("hub listening on ws://%s:%d/ws, orders in %s%n", host == null ? "localhost" : host,
                        running.port(), store.postgres != null ? store.postgres : store.sqlite.toAbsolutePath());
                out.printf("sessions: %s (%d terminal tokens); stop with Ctrl-C%n", sessions(entries), entries.size());
                out.flush();
                awaitShutdown();
            }
        }
        return 0;
    }

    private HubStore openStore() {
        if (store.postgres != null) {
            return PostgresHubStore.builder(store.postgres).credentials(user, password).open();
        }
        return SqliteHubStore.open(store.sqlite);
    }

    private static String sessions(List<TokenEntry> entries) {
        if (entries.isEmpty()) {
            return "none";
        }
        return entries.stream().map(TokenEntry::session).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(", "));
    }

    /** Blocks until the JVM is asked to stop, so that the try-with-resources above closes everything. */
    private static void awaitShutdown() {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hub-shutdown"));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
