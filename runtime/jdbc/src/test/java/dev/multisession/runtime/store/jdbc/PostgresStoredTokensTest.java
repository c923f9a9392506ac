package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.tokens.TokenHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Each {@link #openTokens} is another hub node: its own store, pool and listener on one database. */
@Tag(PostgresTestCount.TAG)
class PostgresStoredTokensTest extends StoredTokensContract {
    @RegisterExtension
    static final PostgresTestDatabase PG = new PostgresTestDatabase();

    @Override
    StoredTokens openTokens() {
        PostgresHubStore store = PG.openHubStore(2);
        closeAfter(store);
        return store.tokens();
    }

    @Override
    Connection connect() throws Exception {
        return PG.connect();
    }

    @Test
    void aBatchOfNewTerminalsWaitsForNoRevocationButABatchThatRotatesDoes() throws Exception {
        StoredTokens tokens = tokens();
        tokens.issue(session, "till");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection revoking = connect(); Statement lock = revoking.createStatement()) {
            revoking.setAutoCommit(false);
            lock.execute(TokenSql.LOCK_REVOCATIONS); // another node's revocation, not committed yet

            Future<List<String>> fresh = pool.submit(() -> tokens.issueAll(
                    List.of(new TerminalIdentity(session, "bar"), new TerminalIdentity(session, "kitchen"))));
            assertEquals(2, fresh.get(10, TimeUnit.SECONDS).size(), "nothing to rotate: no wait for the lock");

            Future<List<String>> rotating = pool.submit(() -> tokens.issueAll(
                    List.of(new TerminalIdentity(session, "till"), new TerminalIdentity(session, "pass"))));
            assertThrows(TimeoutException.class, () -> rotating.get(1, TimeUnit.SECONDS),
                    "a batch that revokes numbers its revocations under the lock");
            revoking.rollback();
            assertEquals(2, rotating.get(10, TimeUnit.SECONDS).size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of("till", "bar", "kitchen", "pass"), terminalsWithAValidToken(tokens));
    }

    private Set<String> terminalsWithAValidToken(StoredTokens tokens) {
        List<String> valid = tokens.list().stream()
                .filter(token -> token.session().equals(session) && token.valid())
                .map(StoredToken::terminal)
                .toList();
        assertEquals(valid.size(), Set.copyOf(valid).size(), "one valid token per terminal: " + valid);
        return Set.copyOf(valid);
    }

    @Test
    void concurrentRevocationsCommitTheirNumbersInOrder() throws Exception {
        int nodes = 4;
        int perNode = 15;
        List<StoredTokens> revokers = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            StoredTokens node = tokens();
            for (int i = 0; i < perNode; i++) {
                node.issue(session, "n" + n + "-" + i);
            }
            revokers.add(node);
        }
        List<Long> heard = new ArrayList<>();
        try (Connection listening = connect(); Statement listen = listening.createStatement()) {
            listening.setAutoCommit(true);
            listen.execute("LISTEN \"" + PG.schema() + "_tokens\"");
            long before;
            try (ResultSet rs = listen.executeQuery(TokenSql.MAX_REVOKED_SEQ)) {
                rs.next();
                before = rs.getLong(1);
            }
            CyclicBarrier start = new CyclicBarrier(nodes);
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    StoredTokens node = revokers.get(n);
                    String prefix = "n" + n + "-";
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perNode; i++) {
                            assertTrue(node.revoke(session, prefix + i));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            PGConnection notifications = listening.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (heard.size() < nodes * perNode && System.nanoTime() < deadline) {
                PGNotification[] batch = notifications.getNotifications(500);
                for (PGNotification notification : batch == null ? new PGNotification[0] : batch) {
                    String payload = notification.getParameter();
                    heard.add(Long.parseLong(payload.substring(0, payload.indexOf(':'))));
                }
            }
            // notifications arrive in commit order: the numbers, one up each, show that each
            // revoking transaction read the number the previous one committed and committed after it
            List<Long> expected = new ArrayList<>();
            for (long seq = before + 1; seq <= before + nodes * perNode; seq++) {
                expected.add(seq);
            }
            assertEquals(expected, heard);
        }
    }

    @Test
    void afterItsListenerReconnectsANodeReadsOnlyTheRevocationsItMissed() throws Exception {
        StoredTokens node = tokens();
        StoredTokens cli = tokens();
        BlockingQueue<String> revoked = new LinkedBlockingQueue<>();
        node.onRevoked(revoked::add);
        for (int i = 0; i < 42; i++) {
            cli.issue(session, "till-" + i);
            assertTrue(cli.revoke(session, "till-" + i));
        }
        for (int i = 0; i < 42; i++) {
            assertTrue(revoked.poll(20, TimeUnit.SECONDS) != null, "heard live: revocation " + i);
        }
        // two revocations whose notifications are lost, as while the listening connection is down
        List<String> missed = new ArrayList<>();
        try (Connection connection = connect()) {
            for (String terminal : new String[] {"bar", "kitchen"}) {
                String sha256 = TokenHash.hash(cli.issue(session, terminal));
                try (PreparedStatement revoke = connection.prepareStatement(TokenSql.REVOKE)) {
                    revoke.setLong(1, System.currentTimeMillis());
                    revoke.setString(2, sha256);
                    assertEquals(1, revoke.executeUpdate());
                }
                missed.add(sha256);
            }
            assertTrue(revoked.isEmpty(), "nothing heard of the revocations without notifications");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'multisession-tokens' AND (query LIKE 'LISTEN \"" + PG.schema()
                        + "_tokens\"%' OR query = 'SELECT 1')");
            }
        }
        Set<String> caughtUp = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            String sha256 = revoked.poll(30, TimeUnit.SECONDS);
            assertTrue(sha256 != null, "the listener reconnected and caught up");
            caughtUp.add(sha256);
        }
        assertEquals(Set.copyOf(missed), caughtUp);
        // a revocation heard live after the catch-up: everything the catch-up delivered came before it
        String marker = TokenHash.hash(cli.issue(session, "pass"));
        assertTrue(cli.revoke(session, "pass"));
        assertEquals(marker, revoked.poll(20, TimeUnit.SECONDS),
                "the catch-up read 2 revocations, not all " + (42 + 2) + " of this test");
    }
}
