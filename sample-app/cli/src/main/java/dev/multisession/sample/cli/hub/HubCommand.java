package dev.multisession.sample.cli.hub;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.runtime.transport.websocket.TokenEntry;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
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

    @Option(names = "--password", description = "PostgreSQL password (with --postgres); it shows in 'ps': prefer"
            + " --password-file or the environment variable MULTISESSION_PG_PASSWORD.")
    private String password;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the PostgreSQL password (with --postgres; trailing newline ignored).")
    private Path passwordFile;

    @Option(names = "--log-size", paramLabel = "EVENTS", defaultValue = "10000",
            description = "Recent events each session keeps for replay to reconnecting terminals; one further back"
                    + " gets a snapshot (default: ${DEFAULT-VALUE}).")
    private int logSize;

    @Option(names = "--workers", paramLabel = "THREADS",
            description = "Threads that handle the sessions' messages (default: 4, or 2 per core if more).")
    private Integer workers;

    @Option(names = "--max-batch", paramLabel = "MUTATIONS", defaultValue = "256",
            description = "Most mutations of one session in one transaction (default: ${DEFAULT-VALUE}).")
    private int maxBatch;

    @Option(names = "--queue-per-session", paramLabel = "MUTATIONS", defaultValue = "4096",
            description = "Most mutations waiting per session before the hub answers rate_limited"
                    + " (default: ${DEFAULT-VALUE}).")
    private int queuePerSession;

    @Option(names = "--queue-per-connection", paramLabel = "MUTATIONS", defaultValue = "256",
            description = "Most mutations waiting per terminal connection (default: ${DEFAULT-VALUE}).")
    private int queuePerConnection;

    @Option(names = "--pg-pool", paramLabel = "CONNECTIONS", defaultValue = "10",
            description = "PostgreSQL connections in the pool (default: ${DEFAULT-VALUE}).")
    private int pgPool;

    @Option(names = "--pg-socket-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds a PostgreSQL connection waits for an answer before failing (default:"
                    + " ${DEFAULT-VALUE}; 0 for never).")
    private long pgSocketTimeout;

    @Option(names = "--pg-statement-timeout", paramLabel = "MILLIS", defaultValue = "15000",
            description = "PostgreSQL statement_timeout (default: ${DEFAULT-VALUE}).")
    private long pgStatementTimeout;

    @Option(names = "--pg-lock-timeout", paramLabel = "MILLIS", defaultValue = "10000",
            description = "PostgreSQL lock_timeout (default: ${DEFAULT-VALUE}).")
    private long pgLockTimeout;

    @Option(names = "--pg-idle-in-transaction-timeout", paramLabel = "MILLIS", defaultValue = "5000",
            description = "PostgreSQL idle_in_transaction_session_timeout: how long a node cut off mid-transaction"
                    + " keeps a session locked for the other nodes (default: ${DEFAULT-VALUE}).")
    private long pgIdleInTransactionTimeout;

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
        checkNumbers();
        TerminalTokens tokens = TerminalTokens.open(config);
        List<TokenEntry> entries = tokens.entries();
        if (entries.isEmpty()) {
            spec.commandLine().getErr().printf("No terminal tokens in %s yet: no terminal can connect. Create one with%n"
                    + "  hub token create --config %s --session SESSION --terminal TERMINAL%n", config, config);
        }
        ShutdownSignal signal = ShutdownSignal.install();
        try (HubStore hubStore = openStore(); Hub hub = hub(hubStore)) {
            HubServer.Builder server = HubServer.builder().port(port).hub(hub).tokens(tokens);
            if (host != null) {
                server.host(host);
            }
            try (HubServer running = server.start()) {
                out.printf("hub listening on ws://%s:%d/ws, orders in %s%n", host == null ? "localhost" : host,
                        running.port(), store.postgres != null ? store.postgres : store.sqlite.toAbsolutePath());
                out.printf("sessions: %s (%d terminal tokens); stop with Ctrl-C%n", sessions(entries), entries.size());
                out.flush();
                signal.await();
            }
        } finally {
            signal.closed();
        }
        return 0;
    }

    /** Refuses counts below 1 and negative timeouts before anything is opened, as a usage error. */
    private void checkNumbers() {
        atLeast("--log-size", logSize, 1);
        atLeast("--workers", workers == null ? 1 : workers, 1);
        atLeast("--max-batch", maxBatch, 1);
        atLeast("--queue-per-session", queuePerSession, 1);
        atLeast("--queue-per-connection", queuePerConnection, 1);
        atLeast("--pg-pool", pgPool, 1);
        atLeast("--pg-socket-timeout", pgSocketTimeout, 0);
        atLeast("--pg-statement-timeout", pgStatementTimeout, 0);
        atLeast("--pg-lock-timeout", pgLockTimeout, 0);
        atLeast("--pg-idle-in-transaction-timeout", pgIdleInTransactionTimeout, 0);
    }

    private void atLeast(String option, long value, long least) {
        if (value < least) {
            throw new ParameterException(spec.commandLine(), option + " must be at least " + least + ", not " + value);
        }
    }

    private Hub hub(HubStore hubStore) {
        // every operation is checked against the restaurant's order model before it is stored
        Hub.Builder hub = Hub.builder().store(hubStore).model(RestaurantOrder.class).logSize(logSize).maxBatch(maxBatch)
                .queueLimits(queuePerSession, queuePerConnection);
        if (workers != null) {
            hub.workers(workers);
        }
        return hub.build();
    }

    /** The password from --password, else --password-file, else MULTISESSION_PG_PASSWORD; null if none. */
    private String password() {
        if (password != null) {
            return password;
        }
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --password-file " + passwordFile + ": "
                        + e.getMessage());
            }
        }
        return System.getenv("MULTISESSION_PG_PASSWORD");
    }

    private HubStore openStore() {
        if (store.postgres != null) {
            return PostgresHubStore.builder(store.postgres).credentials(user, password()).poolSize(pgPool)
                    .socketTimeout(Duration.ofSeconds(pgSocketTimeout))
                    .statementTimeout(Duration.ofMillis(pgStatementTimeout))
                    .lockTimeout(Duration.ofMillis(pgLockTimeout))
                    .idleInTransactionTimeout(Duration.ofMillis(pgIdleInTransactionTimeout)).open();
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
}
