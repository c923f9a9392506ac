package dev.multisession.runtime.transport.websocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.store.jdbc.PostgresHubStore;
import dev.multisession.runtime.store.jdbc.PostgresTestCount;
import dev.multisession.runtime.store.jdbc.PostgresTestDatabase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The network between a hub node and PostgreSQL stops forwarding on the connections open now,
 * the node's LISTEN connection among them, without closing them (a firewall dropping a
 * connection's state, a cable pulled). Waiting for notifications never notices that; the node
 * must, listen again on a new connection and hear the other nodes' commits again.
 */
@Tag(PostgresTestCount.TAG)
class FrozenListenConnectionTest {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aNodeWhoseListenConnectionStoppedAnsweringListensAgain() throws Exception {
        Set<String> pokes = ConcurrentHashMap.newKeySet();
        try (FreezingProxy network = new FreezingProxy(databasePort());
                PostgresHubStore node = PostgresHubStore.builder(throughProxy(network.port()))
                        .credentials(DATABASE.user(), DATABASE.password()).poolSize(1)
                        .notifyChannel(DATABASE.schema()).socketTimeout(Duration.ofSeconds(1)).open();
                PostgresHubStore otherNode = PostgresHubStore.builder(DATABASE.url())
                        .credentials(DATABASE.user(), DATABASE.password()).poolSize(1)
                        .notifyChannel(DATABASE.schema()).open()) {
            node.onRemoteCommit(pokes::add);
            network.freezeOpenConnections();
            // committed after the freeze: only a node that listens on a new connection hears of it
            otherNode.inSession("after-freeze", tx -> {
                tx.saveHead(new SessionHead(1, 1, 0, 0));
                return null;
            });
            Eventually.await(() -> pokes.contains("after-freeze"),
                    "the node listens again and hears of the commit made after the freeze", 60);
            assertTrue(node.listening(), "listening on its new connection");
        }
    }

    private static int databasePort() {
        Matcher port = Pattern.compile("//[^/:]+:(\\d+)/").matcher(DATABASE.url());
        return port.find() ? Integer.parseInt(port.group(1)) : 5432;
    }

    private static String throughProxy(int proxyPort) {
        return DATABASE.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/");
    }
}
