package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubStore;
import dev.multisession.runtime.hub.spi.SessionHead;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.hub.spi.TerminalCursor;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.Op;
import dev.multisession.runtime.protocol.PathStep;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag(PostgresTestCount.TAG)
class PostgresHubStoreTest extends HubStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @Override
    HubStore openStore() {
        return PG.openHubStore(4);
    }

    @Test
    void twoNodesOnOneDatabaseLoseNoUpdate() throws Exception {
        try (PostgresHubStore otherNode = PG.openHubStore(4)) {
            incrementConcurrently(List.of(store, otherNode), 8, 25);
            assertSequenceIsComplete(store, 200);
            assertSequenceIsComplete(otherNode, 200);
        }
    }

    @Test
    void twoHubNodesTakingTurnsOnOneOrderEachDecideOnWhatTheOtherCommitted() {
        // each node decides a batch against what it committed last and checks the head in the
        // transaction: the other node's commit in between must send it back to the database
        try (PostgresHubStore otherNode = PG.openHubStore(2)) {
            List<HubMessage> inbox = new ArrayList<>();
            HubConnection a = connect(Hub.builder().store(store).sameThread().build(), "A", inbox);
            HubConnection b = connect(Hub.builder().store(otherNode).sameThread().build(), "B", inbox);
            for (int turn = 1; turn <= 6; turn++) {
                HubConnection terminal = turn % 2 == 1 ? a : b;
                terminal.receive(new ClientMessage.Mutate((turn + 1) / 2, 1, "O1", 0, "u", List.of(
                        new Op.Add(List.of(PathStep.key("rounds")), IntNode.valueOf(1)))));
            }

            List<Long> acked = inbox.stream().filter(HubMessage.Ack.class::isInstance)
                    .map(m -> ((HubMessage.Ack) m).seq()).toList();
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), acked, "every turn acknowledged, in turn: " + inbox);
            StoredOrder order = store.inSession(session, tx -> tx.order("O1")).orElseThrow();
            assertEquals(6, order.revision());
            assertEquals(6, order.data().path("rounds").asInt());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
                    store.readLog(session, 0, 10).stream().map(HubMessage.Event::seq).toList());
        }
    }

    private HubConnection connect(Hub hub, String terminal, List<HubMessage> inbox) {
        HubConnection connection = hub.connect(new TerminalIdentity(session, terminal), message -> {
            if (!(message instanceof HubMessage.Event)) {
                inbox.add(message);
            }
        });
        connection.receive(new ClientMessage.Hello(session, terminal, null, 0, 0, 1));
        return connection;
    }

    @Test
    void aCommitOnOneNodePokesTheOtherWithTheSessionId() throws Exception {
        BlockingQueue<String> pokes = new LinkedBlockingQueue<>();
        store.onRemoteCommit(pokes::add);
        try (PostgresHubStore otherNode = PG.openHubStore(2)) {
            otherNode.inSession(session, tx -> {
                tx.appendLog(change(1));
                return null;
            });
            assertEquals(session, pokes.poll(10, TimeUnit.SECONDS));
            // The poke only says where to look; the change is in the log.
            assertEquals(List.of(change(1)), store.readLog(session, 0, 10));
        }
    }

    @Test
    void rolledBackAndReadOnlyTransactionsPokeNobody() throws Exception {
        BlockingQueue<String> pokes = new LinkedBlockingQueue<>();
        store.onRemoteCommit(pokes::add);
        try (PostgresHubStore otherNode = PG.openHubStore(2)) {
            assertThrows(IllegalStateException.class, () -> otherNode.inSession(session, tx -> {
                tx.appendLog(change(1));
                throw new IllegalStateException("refused");
            }));
            otherNode.inSession(session, tx -> tx.head());
            assertOnlyPokeIsAMarkerFrom(otherNode, pokes);
        }
    }

    @Test
    void aNodeIsNotPokedByItsOwnCommits() throws Exception {
        BlockingQueue<String> pokes = new LinkedBlockingQueue<>();
        store.onRemoteCommit(pokes::add);
        store.inSession(session, tx -> {
            tx.appendLog(change(1));
            tx.saveHead(new SessionHead(1, 1, 0, 0));
            return null;
        });
        store.inSession(session, tx -> {
            tx.saveTerminal("bar-till", new TerminalCursor(1, 1));
            return null;
        });
        try (PostgresHubStore otherNode = PG.openHubStore(1)) {
            // so this node's own commits poked nobody: it broadcast them itself
            assertOnlyPokeIsAMarkerFrom(otherNode, pokes);
        }
    }

    /**
     * Commits a marker session on {@code otherNode} and asserts that its poke is the only one
     * heard: notifications arrive in commit order, so the marker comes first only if nothing
     * else was sent before it.
     */
    private void assertOnlyPokeIsAMarkerFrom(PostgresHubStore otherNode, BlockingQueue<String> pokes)
            throws InterruptedException {
        String marker = session + "-marker";
        otherNode.inSession(marker, tx -> {
            tx.saveHead(new SessionHead(1, 1, 0, 0));
            return null;
        });
        assertEquals(marker, pokes.poll(10, TimeUnit.SECONDS));
        assertNull(pokes.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void twoHubsOnOneStoreHearEachOthersCommits() throws Exception {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        store.onRemoteCommit(first::add);
        store.onRemoteCommit(second::add);
        store.inSession(session, tx -> {
            tx.appendLog(change(1));
            return null;
        });
        assertEquals(session, first.poll(10, TimeUnit.SECONDS));
        assertEquals(session, second.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void theReadinessCheckTakesNoPooledConnection() {
        // the only pooled connection is busy with a transaction: a check that borrowed from the
        // pool would wait for it and call a working node not ready
        try (PostgresHubStore node = PG.openHubStore(1)) {
            Boolean ready = node.inSession(session, tx -> node.reachable());
            assertTrue(ready, "ready while its pool is busy");
        }
    }

    @Test
    void theListenerReconnectsAndPokesEverySessionAfterwards() throws Exception {
        BlockingQueue<String> pokes = new LinkedBlockingQueue<>();
        PostgresHubStore node = (PostgresHubStore) store;
        store.inSession(session, tx -> {
            tx.appendLog(change(1));
            return null;
        });
        store.onRemoteCommit(pokes::add);
        try (Connection admin = PG.connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'multisession-listen' AND query LIKE 'LISTEN \"" + PG.schema() + "\"%'");
        }
        // Commits missed while it was down are covered by a poke for every session.
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!seen.contains(session) && System.nanoTime() < deadline) {
            String poked = pokes.poll(500, TimeUnit.MILLISECONDS);
            if (poked != null) {
                seen.add(poked);
            }
        }
        assertTrue(seen.contains(session), "no poke for " + session + " after reconnect: " + seen);
        assertTrue(node.listening());
        pokes.clear();
        try (PostgresHubStore otherNode = PG.openHubStore(1)) {
            otherNode.inSession(session, tx -> {
                tx.appendLog(change(2));
                return null;
            });
        }
        // The reconnect pokes every session of the schema, and some of those may still be on their
        // way: wait for this session's poke rather than for the next one.
        assertTrue(pokedWithin(pokes, session, 10), "no poke for the other node's commit on " + session);
    }

    @Test
    void closingAStoreStopsItsListeningThreadAndConnection() throws Exception {
        PostgresHubStore node = PG.openHubStore(1);
        assertTrue(node.listening());
        assertTrue(listenerThreads() > 0, "the listener polls on its own thread");
        long before = listenerThreads();
        node.close();
        assertEquals(before - 1, listenerThreads(), "no listening thread left behind");
        assertFalse(node.listening());
    }

    private static long listenerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("multisession-pg-listen-" + PG.schema()))
                .count();
    }

    private static boolean pokedWithin(BlockingQueue<String> pokes, String session, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (session.equals(pokes.poll(200, TimeUnit.MILLISECONDS))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        PostgresTestDatabase fresh = new PostgresTestDatabase();
        fresh.createSchema("migrate");
        ExecutorService starters = Executors.newFixedThreadPool(3);
        List<PostgresHubStore> nodes = new ArrayList<>();
        try {
            List<Callable<PostgresHubStore>> opens = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opens.add(() -> fresh.openHubStore(1));
            }
            for (Future<PostgresHubStore> node : starters.invokeAll(opens, 60, TimeUnit.SECONDS)) {
                nodes.add(node.get());
            }
            try (Connection connection = fresh.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM flyway_schema_history")) {
                // one row per migration: a second node applying V1 again would add a row (or fail)
                assertTrue(rs.next());
                assertEquals(rs.getInt(2), rs.getInt(1));
                assertEquals("4", rs.getString(3), "the newest migration, V4__event_tags");
            }
            assertEquals(SessionHead.NEW, nodes.get(0).inSession(session, tx -> tx.head()));
        } finally {
            nodes.forEach(PostgresHubStore::close);
            starters.shutdownNow();
            fresh.dropSchema();
        }
    }
}
