package dev.multisession.sample.cli.hub;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.spi.HubObserver;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.operations.AdminConsole;
import dev.multisession.runtime.operations.HubMetrics;
import dev.multisession.runtime.operations.Observers;
import dev.multisession.runtime.operations.OperatorServer;
import dev.multisession.runtime.operations.TerminalActivity;
import dev.multisession.runtime.operations.TokenRevoker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.SqliteHubStore;
import dev.multisession.runtime.store.jdbc.StoredToken;
import dev.multisession.runtime.store.jdbc.StoredTokens;
import dev.multisession.runtime.transport.websocket.HubServer;
import dev.multisession.runtime.transport.websocket.TerminalTokens;
import dev.multisession.runtime.transport.websocket.TokenEntry;
import dev.multisession.runtime.transport.websocket.TokenStore;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hub}: runs a hub server until the process is stopped. */
@Command(
        name = "hub",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a hub server that the terminals of the multi-sessions connect to.",
            "Terminals' tokens are in the hub's database (shared by every node on one PostgreSQL), or in",
            "the file given with --config. Create a token for each terminal first with 'hub token create'."
        },
        subcommands = {TokenCommand.class, AdminCommand.class})
public final class HubCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", description = "Interface to listen on, such as 127.0.0.1 (default: all).")
    private String host;

    // Not required by picocli: 'hub token create' would then demand it of the parent command too.
    @Option(names = "--config", paramLabel = "FILE",
            description = "A hub config file holding the hashed tokens of the terminals (one node only); without it"
                    + " the tokens are in the hub's database.")
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

    @Option(names = "--metrics", description = "Serve Prometheus metrics at /metrics on the operator port.")
    private boolean metrics;

    @Option(names = "--admin", description = "Serve the admin page at /admin/ on the operator port.")
    private boolean admin;

    @Option(names = "--operator-port", paramLabel = "PORT", defaultValue = "9090",
            description = "Port of the metrics and the admin page, never the terminals' (default: ${DEFAULT-VALUE}).")
    private int operatorPort;

    @Option(names = "--operator-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface of the metrics and the admin page (default: ${DEFAULT-VALUE}).")
    private String operatorHost;

    @Option(names = "--node", paramLabel = "NAME",
            description = "This node's name in metrics and on the admin page (default: the host's name).")
    private String node;

    @Mixin
    private AdminTokenSource adminToken;

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
        checkNumbers();
        boolean operators = metrics || admin;
        if (operators && operatorPort == port && port != 0) {
            throw new ParameterException(spec.commandLine(), "--operator-port must differ from --port: metrics and the"
                    + " admin page are never served on the terminals' port");
        }
        String operatorToken = operators ? adminToken.read(spec) : null;
        String nodeName = node != null ? node : hostName();
        ShutdownSignal signal = ShutdownSignal.install();
        PrometheusMeterRegistry registry = metrics ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        HubMetrics hubMetrics = registry == null ? null : new HubMetrics(registry, nodeName);
        TerminalActivity activity = admin ? new TerminalActivity() : null;
        // one observer for the hub and its server, so refusals the server makes (rate limits) reach the page too
        HubObserver observer = hubMetrics != null && activity != null ? Observers.of(hubMetrics, activity)
                : hubMetrics != null ? hubMetrics : activity;
        try (HubStore hubStore = openStore(); StoredTokens stored = config == null ? storedTokens(hubStore) : null;
                Hub hub = hub(hubStore, observer)) {
            if (hubMetrics != null) {
                hubMetrics.watch(hub);
            }
            TokenStore tokens;
            TokenRevoker revoker;
            List<String> sessionsOfTokens;
            String place;
            if (stored == null) {
                TerminalTokens file = TerminalTokens.open(config);
                tokens = file;
                revoker = file::revoke;
                sessionsOfTokens = file.entries().stream().map(TokenEntry::session).toList();
                place = config.toString();
            } else {
                tokens = stored::authenticate;
                revoker = stored::revoke;
                sessionsOfTokens = stored.list().stream().filter(StoredToken::valid).map(StoredToken::session).toList();
                place = "the hub's database";
            }
            if (sessionsOfTokens.isEmpty()) {
                spec.commandLine().getErr().printf("No terminal tokens in %s yet: no terminal can connect. Create one"
                        + " with 'hub token create' (see 'hub token create --help').%n", place);
            }
            HubServer.Builder server = HubServer.builder().port(port).hub(hub).tokens(tokens);
            if (observer != null) {
                server.observer(observer);
            }
            if (host != null) {
                server.host(host);
            }
            try (HubServer running = server.start()) {
                if (stored != null) {
                    // a token revoked by 'hub token revoke' (here or on another node) cuts its connections
                    stored.onRevoked(running::closeToken);
                }
                OperatorServer operatorServer = null;
                if (operators) {
                    OperatorServer.Builder builder = OperatorServer.builder().host(operatorHost).port(operatorPort)
                            .adminToken(operatorToken);
                    if (registry != null) {
                        builder.metrics(registry);
                    }
                    if (activity != null) {
                        // the file store cannot tell other nodes; a token revoked here closes this node's connections
                        TokenRevoker revokeAndClose = stored != null ? revoker : (session, terminal) -> {
                            boolean revoked = revoker.revoke(session, terminal);
                            running.disconnect(new TerminalIdentity(session, terminal));
                            return revoked;
                        };
                        builder.admin(new AdminConsole(hub, activity, nodeName, running, revokeAndClose));
                    }
                    operatorServer = builder.start();
                    out.printf("operators: http://%s:%d/%s (node %s)%n", operatorHost, operatorServer.port(),
                            admin ? "admin/" : "metrics", nodeName);
                }
                out.printf("hub listening on ws://%s:%d/ws, orders in %s%n", host == null ? "localhost" : host,
                        running.port(), store.postgres != null ? store.postgres : store.sqlite.toAbsolutePath());
                out.printf("sessions: %s (%d terminal tokens in %s); stop with Ctrl-C%n", sessions(sessionsOfTokens),
                        sessionsOfTokens.size(), place);
                out.flush();
                try {
                    signal.await();
                } finally {
                    if (operatorServer != null) {
                        operatorServer.close();
                    }
                }
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
        atLeast("--operator-port", operatorPort, 0);
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

    private Hub hub(HubStore hubStore, HubObserver observer) {
        // every operation is checked against the restaurant's order model before it is stored
        Hub.Builder hub = Hub.builder().store(hubStore).model(RestaurantOrder.class).logSize(logSize).maxBatch(maxBatch)
                .queueLimits(queuePerSession, queuePerConnection);
        if (observer != null) {
            hub.observer(observer);
        }
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

    private static String sessions(List<String> sessions) {
        if (sessions.isEmpty()) {
            return "none";
        }
        return String.join(", ", new TreeSet<>(sessions));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "hub";
        }
    }

    private static StoredTokens storedTokens(HubStore hubStore) {
        return hubStore instanceof PostgresHubStore postgres ? postgres.tokens() : ((SqliteHubStore) hubStore).tokens();
    }
}
