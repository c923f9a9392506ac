package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.PostgresTestCount;
import dev.multisession.runtime.store.jdbc.PostgresTestDatabase;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL becomes unreachable from a hub node (a TCP proxy in front of it closes every
 * connection and refuses new ones) for longer than the pool waits for a connection. The hub
 * answers {@code internal}; a terminal whose edit failed and a terminal whose hello failed must
 * both recover by themselves once the database is back, without another edit or a restart.
 * Meanwhile the node closes their connections (a load balancer would move them) and its
 * readiness check fails.
 */
@Tag(PostgresTestCount.TAG)
class PostgresOutageTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void terminalsRetryWhileTheDatabaseIsDownAndRecoverWhenItIsBack() throws Exception {
        FreezingProxy database = new FreezingProxy(databasePort());
        open.add(database);
        PostgresHubStore store = PostgresHubStore.builder(throughProxy(database.port()))
                .credentials(DATABASE.user(), DATABASE.password()).poolSize(2).notifyChannel(DATABASE.schema())
                .connectionTimeoutMillis(500).open();
        Hub hub = Hub.builder().store(store).build();
        HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        open.add(0, store);
        open.add(0, hub);
        open.add(0, server);
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
        TestTerminal a = terminal("A", uri);
        Order order = a.onUi(() -> a.terminal.newOrder(o -> o.table = "T1"));
        Eventually.await(a::idle, "A's order acknowledged", 30);

        database.cut();
        a.run(() -> a.terminal.edit(order, o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 1))));
        TestTerminal b = terminal("B", uri);
        Eventually.await(() -> database.refusedConnections() >= 4, "the hub tried the database while it was down", 30);
        assertFalse(b.onUi(b.terminal::isOnline), "B cannot be welcomed while the database is down");
        // the node drops the terminals it cannot serve, so that a load balancer can move them
        Eventually.await(() -> !a.onUi(a.terminal::isOnline), "the node drops A after its edit failed", 30);
        assertEquals(1, (int) a.onUi(a.terminal::pendingMutations), "A's edit waits");
        assertEquals(200, status(server, "/health/live"), "the process is live");
        assertEquals(503, status(server, "/health/ready"), "the node is not ready without its database");

        database.restore();
        Eventually.await(() -> a.idle() && b.idle(), "both terminals in sync again", 30);
        assertEquals(200, status(server, "/health/ready"), "ready again");
        Eventually.await(() -> b.onUi(() -> b.terminal.order(order.uid) != null
                && b.terminal.order(order.uid).lines.size() == 1), "B sees A's edit", 30);
    }

    private static int status(HubServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private TestTerminal terminal(String id, URI uri) {
        TestTerminal terminal = new TestTerminal(id, uri, tokens.issue("bistro", id));
        open.add(0, terminal);
        return terminal;
    }

    private static int databasePort() {
        Matcher port = Pattern.compile("//[^/:]+:(\\d+)/").matcher(DATABASE.url());
        return port.find() ? Integer.parseInt(port.group(1)) : 5432;
    }

    private static String throughProxy(int proxyPort) {
        return DATABASE.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/");
    }
}
