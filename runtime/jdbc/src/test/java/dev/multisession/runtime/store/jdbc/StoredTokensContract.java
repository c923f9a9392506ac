package dev.multisession.runtime.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.tokens.TokenBatchException;
import dev.multisession.runtime.hub.tokens.TokenHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the tokens in a hub's database must do on every dialect: hashes only, one valid token per
 * terminal, and revocations heard by every other user of the same database.
 */
abstract class StoredTokensContract {

    private final List<AutoCloseable> open = new ArrayList<>();
    /** A session of its own for each test, since the database is shared by the class. */
    final String session = "s-" + UUID.randomUUID().toString().substring(0, 8);

    /** Tokens on the class's database; every call is another user of the same database (a node, the CLI). */
    abstract StoredTokens openTokens() throws Exception;

    /** A plain connection to the same database. */
    abstract Connection connect() throws Exception;

    StoredTokens tokens() throws Exception {
        StoredTokens tokens = openTokens();
        open.add(0, tokens);
        return tokens;
    }

    /** The hashes of the revocations {@code node} hears from now on, as they come. */
    private static BlockingQueue<String> revocationsHeardBy(StoredTokens node) {
        BlockingQueue<String> revoked = new LinkedBlockingQueue<>();
        node.onRevoked(revoked::add);
        return revoked;
    }

    /** Closes {@code closeable} after the test, after the tokens opened before it. */
    void closeAfter(AutoCloseable closeable) {
        open.add(0, closeable);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void anIssuedTokenAuthenticatesItsTerminalEverywhereAndOnlyItsHashIsStored() throws Exception {
        StoredTokens cli = tokens();
        StoredTokens node = tokens();
        String token = cli.issue(session, "bar");

        assertTrue(token.startsWith(TokenHash.PREFIX), token);
        assertEquals(Optional.of(new TerminalIdentity(session, "bar")), node.authenticate(token));
        assertEquals(Optional.empty(), node.authenticate(TokenHash.newToken()));
        assertEquals(Optional.empty(), node.authenticate(""));
        assertEquals(Optional.empty(), node.authenticate(null));
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT sha256 FROM terminal_tokens WHERE session = '" + session
                        + "'")) {
            assertTrue(rs.next());
            assertEquals(TokenHash.hash(token), rs.getString(1));
            assertFalse(rs.getString(1).contains(token));
        }
    }

    @Test
    void revokingRefusesTheTokenAndTellsEveryWatcher() throws Exception {
        StoredTokens cli = tokens();
        StoredTokens node = tokens();
        BlockingQueue<String> revoked = revocationsHeardBy(node);
        String token = cli.issue(session, "bar");

        assertTrue(cli.revoke(session, "bar"));

        assertEquals(TokenHash.hash(token), revoked.poll(20, TimeUnit.SECONDS), "the node heard the revocation");
        assertEquals(Optional.empty(), node.authenticate(token));
        assertFalse(cli.revoke(session, "bar"), "nothing left to revoke");
        StoredToken listed = single(cli.list());
        assertFalse(listed.valid());
        assertNotNull(listed.revoked());
    }

    @Test
    void issuingAgainRevokesThePreviousTokenOfTheTerminal() throws Exception {
        StoredTokens cli = tokens();
        StoredTokens node = tokens();
        BlockingQueue<String> revoked = revocationsHeardBy(node);
        String first = cli.issue(session, "bar");
        String second = cli.issue(session, "bar");
        String kitchen = cli.issue(session, "kitchen");

        assertEquals(TokenHash.hash(first), revoked.poll(20, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), node.authenticate(first));
        assertEquals(Optional.of(new TerminalIdentity(session, "bar")), node.authenticate(second));
        assertEquals(Optional.of(new TerminalIdentity(session, "kitchen")), node.authenticate(kitchen));
        List<StoredToken> mine = cli.list().stream().filter(t -> t.session().equals(session)).toList();
        assertEquals(3, mine.size());
        assertEquals(2, mine.stream().filter(StoredToken::valid).count());
    }

    @Test
    void blankOrOverlongIdsAreRefusedAndNothingIsStored() throws Exception {
        StoredTokens cli = tokens();
        assertThrows(IllegalArgumentException.class, () -> cli.issue(session, " "));
        assertThrows(IllegalArgumentException.class, () -> cli.issue("", "bar"));
        assertThrows(IllegalArgumentException.class, () -> cli.issue(session, "x".repeat(201)));
        assertTrue(cli.list().stream().noneMatch(t -> t.session().equals(session)));
    }

    @Test
    void aBatchIssuesEveryTerminalInTheOrderAskedAndRotatesThoseThatHadAToken() throws Exception {
        StoredTokens cli = tokens();
        StoredTokens node = tokens();
        BlockingQueue<String> revoked = revocationsHeardBy(node);
        String oldBar = cli.issue(session, "bar");
        String oldTill = cli.issue(session, "till");
        long before = maxRevokedSeq();
        String other = "o-" + session;
        List<TerminalIdentity> asked = List.of(new TerminalIdentity(session, "kitchen"),
                new TerminalIdentity(session, "bar"), new TerminalIdentity(other, "bar"),
                new TerminalIdentity(session, "till"));

        List<String> issued = cli.issueAll(asked);

        assertEquals(asked.size(), issued.size());
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(Optional.of(asked.get(i)), node.authenticate(issued.get(i)), "token " + i);
        }
        assertEquals(Optional.empty(), node.authenticate(oldBar));
        assertEquals(Optional.empty(), node.authenticate(oldTill));
        Set<String> heard = new HashSet<>();
        heard.add(revoked.poll(20, TimeUnit.SECONDS));
        heard.add(revoked.poll(20, TimeUnit.SECONDS));
        assertEquals(Set.of(TokenHash.hash(oldBar), TokenHash.hash(oldTill)), heard, "the node heard both rotations");
        List<StoredToken> mine = cli.list().stream().filter(t -> t.session().equals(session)).toList();
        assertEquals(5, mine.size());
        assertEquals(3, mine.stream().filter(StoredToken::valid).count());
        // numbered one up each after every earlier revocation, so a later one follows them and a
        // node catching up after the last number it heard reads them
        assertTrue(cli.revoke(session, "kitchen"));
        assertEquals(TokenHash.hash(issued.get(0)), revoked.poll(20, TimeUnit.SECONDS));
        assertEquals(List.of(before + 1, before + 2, before + 3), revokedSeqsAfter(before));
    }

    /** The {@code revoked_seq} of every revocation numbered above {@code seq}, in order. */
    private List<Long> revokedSeqsAfter(long seq) throws Exception {
        List<Long> numbers = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(TokenSql.SELECT_REVOKED_AFTER)) {
            select.setLong(1, seq);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getLong(2));
                }
            }
        }
        return numbers;
    }

    private long maxRevokedSeq() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(TokenSql.MAX_REVOKED_SEQ)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aBatchWithABadPairIssuesNothing() throws Exception {
        StoredTokens cli = tokens();
        String bar = cli.issue(session, "bar");

        TokenBatchException refused = assertThrows(TokenBatchException.class, () -> cli.issueAll(List.of(
                new TerminalIdentity(session, "bar"), new TerminalIdentity(session, "kitchen"),
                new TerminalIdentity(session, "x".repeat(201)))));

        StoredToken listed = single(cli.list());
        assertTrue(listed.valid(), "bar keeps its token and kitchen gets none");
        assertEquals(Optional.of(new TerminalIdentity(session, "bar")), cli.authenticate(bar));
        assertEquals(2, refused.index());
        assertTrue(refused.getMessage().startsWith("pair 3 of the batch (session \"" + session + "\", terminal \"xxx"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("): terminal id must be at most 200 characters, not 201;"
                + " no token was issued"), refused.getMessage());
    }

    @Test
    void aPairTwiceInABatchIsRefusedAndNothingIsIssued() throws Exception {
        StoredTokens cli = tokens();

        TokenBatchException refused = assertThrows(TokenBatchException.class, () -> cli.issueAll(List.of(
                new TerminalIdentity(session, "bar"), new TerminalIdentity(session, "kitchen"),
                new TerminalIdentity(session, "bar"))));

        assertEquals("pair 3 of the batch (session \"" + session + "\", terminal \"bar\"): already in the batch as"
                + " pair 1; no token was issued", refused.getMessage());
        assertTrue(cli.list().stream().noneMatch(t -> t.session().equals(session)));
    }

    private StoredToken single(List<StoredToken> tokens) {
        List<StoredToken> mine = tokens.stream().filter(t -> t.session().equals(session)).toList();
        assertEquals(1, mine.size(), mine.toString());
        return mine.get(0);
    }
}
