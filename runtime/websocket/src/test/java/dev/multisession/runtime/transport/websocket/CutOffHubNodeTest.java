package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.PostgresTestCount;
import dev.multisession.runtime.store.jdbc.PostgresTestDatabase;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One hub node is cut off from PostgreSQL in the middle of a session's transaction (a TCP proxy
 * between them stops forwarding, the sockets stay open): it holds the session's row lock and
 * the server sees it idle in transaction. The other node must go on serving the session within
 * a bound set by {@code idleInTransactionTimeout}, and the cut-off node's transaction must fail
 * after {@code socketTimeout} instead of hanging.
 */
@Tag(PostgresTestCount.TAG)
class CutOffHubNodeTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(1);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(2);

    private final TerminalTokens tokens = TerminalTokens.inMemory();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theOtherNodeServesTheSessionOnceTheCutOffNodesTransactionIsEnded() throws Exception {
        FreezingProxy network = new FreezingProxy(databasePort());
        open.add(network);
        PostgresHubStore cutOff = PostgresHubStore.builder(throughProxy(network.port()))
                .credentials(DATABASE.user(), DATABASE.password()).poolSize(2).notifyChannel(DATABASE.schema())
                .socketTimeout(SOCKET_TIMEOUT).idleInTransactionTimeout(IDLE_IN_TRANSACTION).open();
        open.add(cutOff);
        PostgresHubStore healthy = DATABASE.openHubStore(2);
        Hub hub = Hub.builder().store(healthy).build();
        HubServer server = HubServer.builder().host("127.0.0.1").port(0).hub(hub).tokens(tokens).start();
        open.add(0, healthy);
        open.add(0, hub);
        open.add(0, server);
        TestTerminal b = new TestTerminal("B", URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                tokens.issue("bistro", "B"));
        open.add(0, b);
        Order order = b.onUi(() -> b.terminal.newOrder(o -> o.table = "T1"));
        Eventually.await(b::idle, "B's order acknowledged", 30);

        // the cut-off node locks the session's row, then its network stops before the commit
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Object> stuck = CompletableFuture.supplyAsync(() -> cutOff.inSession("bistro", tx -> {
            tx.head();
            network.freezeOpenConnections();
            locked.countDown();
            return null;
        }));
        assertTrue(locked.await(30, TimeUnit.SECONDS), "the cut-off node took the lock");
        long cut = System.nanoTime();
        b.run(() -> b.terminal.edit(order, o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 1))));
        Eventually.await(b::idle, "the other node serves the session again", 30);
        long servedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cut);
        System.out.println("the other node served the session " + servedAfterMillis + " ms after the cut");
        assertTrue(servedAfterMillis < IDLE_IN_TRANSACTION.toMillis() + 5_000,
                "served within the idle-in-transaction timeout and a margin: " + servedAfterMillis + " ms");
        assertThrows(ExecutionException.class, () -> stuck.get(SOCKET_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS),
                "the cut-off node's transaction fails after its socket timeout");
    }

    private static int databasePort() {
        Matcher port = Pattern.compile("//[^/:]+:(\\d+)/").matcher(DATABASE.url());
        return port.find() ? Integer.parseInt(port.group(1)) : 5432;
    }

    private static String throughProxy(int proxyPort) {
        return DATABASE.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/");
    }
}
