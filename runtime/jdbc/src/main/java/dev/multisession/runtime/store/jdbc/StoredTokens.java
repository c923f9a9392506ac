package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.hub.tokens.TokenBatch;
import dev.multisession.runtime.hub.tokens.TokenBatchException;
import dev.multisession.runtime.hub.tokens.TokenHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminals' tokens in the hub's own database (table {@code terminal_tokens}), so that every
 * hub node on one PostgreSQL knows the same tokens, and the command line can issue and revoke
 * them while hubs run. Only SHA-256 hashes are stored; {@link #issue} returns the clear token
 * once ({@link #issueAll} many in one transaction). Issuing a token for a terminal that has one
 * revokes the old one.
 *
 * <p>{@link #onRevoked} tells a hub node of every revocation, made by any process, so that it can
 * close the connections that authenticated with the revoked token: on PostgreSQL through
 * {@code NOTIFY} on the channel {@code <hub channel>_tokens} (sent in the revoking transaction,
 * heard by every node within milliseconds; after the listener reconnects it delivers the tokens
 * revoked after the last revocation it heard ({@link RevocationFeed}), since notifications sent
 * meanwhile are lost; a repeated revocation closes nothing). On SQLite only one process has the file open (see {@link SqliteHubStore}), so tokens
 * change through the running hub's store, and its watchers are called right after the commit.
 *
 * <p>Thread-safe. The clear token is never logged.
 */
public final class StoredTokens implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoredTokens.class);
    private static final int MAX_ID_LENGTH = 200;

    /** Where the store's connections come from; each is used for one transaction and given back. */
    interface Connections extends AutoCloseable {
        Connection take() throws SQLException;

        void give(Connection connection);

        @Override
        void close();
    }

    private final Connections connections;
    private final String description;
    /** PostgreSQL: the channel revocations are notified on and how to listen to it; null on SQLite. */
    private final String notifyChannel;
    private final PgNotificationListener.ConnectionSource listenSource;
    private final Clock clock;
    private final List<AutoCloseable> feeds = new ArrayList<>();
    /** SQLite: the watchers of every user of the store's file, called after each revoking commit. */
    private final List<Consumer<String>> localWatchers;

    private StoredTokens(Connections connections, String description, String notifyChannel,
            PgNotificationListener.ConnectionSource listenSource, Clock clock, List<Consumer<String>> localWatchers) {
        this.localWatchers = localWatchers;
        this.connections = connections;
        this.description = description;
        this.notifyChannel = notifyChannel;
        this.listenSource = listenSource;
        this.clock = clock;
    }

    /** The tokens in a SQLite hub store's file, on its writer; see {@link SqliteHubStore#tokens()}. */
    static StoredTokens sqlite(Connections writer, String description, List<Consumer<String>> watchers) {
        return new StoredTokens(writer, description, null, null, Clock.systemUTC(), watchers);
    }

    /** The tokens beside a PostgreSQL hub store, on its pool; see {@link PostgresHubStore#tokens()}. */
    static StoredTokens postgres(Connections pool, String description, String hubChannel,
            PgNotificationListener.ConnectionSource listenSource) {
        return new StoredTokens(pool, description, hubChannel + "_tokens", listenSource, Clock.systemUTC(),
                new CopyOnWriteArrayList<>());
    }

    /**
     * Issues a new token for the terminal and returns it in clear text, the only time it is
     * visible. The terminal's previous token, if any, stops working and its connections are
     * closed (as for {@link #revoke}).
     *
     * @throws IllegalArgumentException if an id is blank or longer than 200 characters
     */
    public String issue(String session, String terminal) {
        requireIds(session, terminal);
        String token = TokenHash.newToken();
        long now = clock.millis();
        List<String> replaced = inTransaction("issue a token", connection -> {
            List<String> revoked = revokeValid(connection, session, terminal, now);
            try (PreparedStatement insert = connection.prepareStatement(TokenSql.INSERT)) {
                insert.setString(1, TokenHash.hash(token));
                insert.setString(2, session);
                insert.setString(3, terminal);
                insert.setLong(4, now);
                insert.executeUpdate();
            }
            return revoked;
        });
        LOG.info("issued a token for terminal {} of session {}{}", terminal, session,
                replaced.isEmpty() ? "" : " (its previous token is revoked)");
        tellLocalWatchers(replaced);
        return token;
    }

    /**
     * Issues a token for each terminal, as {@link #issue} does, in one transaction with batched
     * statements, and returns them in clear text in the order of {@code terminals}, the only time
     * they are visible. Every pair is checked as {@link #issue} checks it, and none may appear
     * twice, before anything is written: a refused batch issues no token. The previous token of a
     * terminal that had one stops working and its connections are closed (as for {@link #revoke}).
     *
     * @throws TokenBatchException naming the first refused pair
     */
    public List<String> issueAll(List<TerminalIdentity> terminals) {
        TokenBatch.check(terminals, StoredTokens::requireIds);
        if (terminals.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>(terminals.size());
        for (int i = 0; i < terminals.size(); i++) {
            tokens.add(TokenHash.newToken());
        }
        long now = clock.millis();
        List<String> replaced = inTransaction("issue " + tokens.size() + " tokens", connection -> {
            List<String> revoked = revokeValidOfAll(connection, terminals, now);
            try (PreparedStatement insert = connection.prepareStatement(TokenSql.INSERT)) {
                for (int i = 0; i < terminals.size(); i++) {
                    insert.setString(1, TokenHash.hash(tokens.get(i)));
                    insert.setString(2, terminals.get(i).session());
                    insert.setString(3, terminals.get(i).terminal());
                    insert.setLong(4, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return revoked;
        });
        LOG.info("issued {} terminal tokens; {} of those terminals had a token, now revoked", tokens.size(),
                replaced.size());
        tellLocalWatchers(replaced);
        return tokens;
    }

    /** Revokes the terminal's token; returns whether it had a valid one. Every node closes its connections. */
    public boolean revoke(String session, String terminal) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(terminal, "terminal");
        long now = clock.millis();
        List<String> revoked = inTransaction("revoke a token",
                connection -> revokeValid(connection, session, terminal, now));
        if (revoked.isEmpty()) {
            return false;
        }
        LOG.info("revoked the token of terminal {} of session {}", terminal, session);
        tellLocalWatchers(revoked);
        return true;
    }

    private void tellLocalWatchers(List<String> revoked) {
        for (String sha256 : revoked) {
            for (Consumer<String> watcher : localWatchers) {
                try {
                    watcher.accept(sha256);
                } catch (RuntimeException e) {
                    LOG.error("a revocation watcher failed", e);
                }
            }
        }
    }

    /** Every token ever issued, valid and revoked, by session, terminal and age. */
    public List<StoredToken> list() {
        return inTransaction("list the tokens", connection -> {
            List<StoredToken> tokens = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(TokenSql.SELECT_ALL);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long revoked = rs.getLong(5);
                    Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
                    tokens.add(new StoredToken(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), revokedAt));
                }
            }
            return tokens;
        });
    }

    /**
     * The session and terminal of a valid token; empty when it is blank, unknown or revoked.
     * Usable as the hub server's token store ({@code tokens(stored::authenticate)}).
     *
     * @throws StoreException if the database cannot be read (the upgrade then fails, rather than
     *     being taken for a wrong token)
     */
    public Optional<TerminalIdentity> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String sha256 = TokenHash.hash(token);
        return inTransaction("check a token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(TokenSql.SELECT_VALID_BY_HASH)) {
                select.setString(1, sha256);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new TerminalIdentity(rs.getString(1), rs.getString(2)))
                            : Optional.<TerminalIdentity>empty();
                }
            }
        });
    }

    /**
     * Tells {@code revoked} the hash of every token revoked from now on, by this or any other
     * process on the same database, on a thread of the store's; the callback must return quickly.
     */
    public synchronized void onRevoked(Consumer<String> revoked) {
        Objects.requireNonNull(revoked, "revoked");
        try {
            if (notifyChannel != null) {
                RevocationFeed feed = new RevocationFeed(revoked, 0);
                PgNotificationListener listener = new PgNotificationListener(listenSource, notifyChannel, feed);
                listener.addCallback(feed);
                listener.start();
                feeds.add(listener);
                // listening first: every revocation committed from here on is heard, so the highest
                // number read now is only where a catch-up after a lost connection starts, and no
                // revocation between reading it and LISTEN needs catching up
                feed.heardUpTo(inTransaction("watch revoked tokens", StoredTokens::maxRevokedSeq));
            } else {
                localWatchers.add(revoked);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot watch revoked tokens in " + description + ": " + e.getMessage(), e);
        }
        LOG.info("watching revoked tokens in {}", description);
    }

    private static long maxRevokedSeq(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TokenSql.MAX_REVOKED_SEQ);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stops watching revocations and releases this store's own connections (not a hub store's pool). */
    @Override
    public synchronized void close() {
        for (AutoCloseable feed : feeds) {
            try {
                feed.close();
            } catch (Exception e) {
                LOG.warn("stopping a revocation watch failed", e);
            }
        }
        feeds.clear();
        connections.close();
    }

    /**
     * Revokes the terminal's valid tokens; returns the hashes this transaction revoked. Each gets
     * the next {@code revoked_seq}; on PostgreSQL the revoking transactions take turns
     * ({@link TokenSql#LOCK_REVOCATIONS}) and each revocation is notified, on commit, with its number.
     */
    private List<String> revokeValid(Connection connection, String session, String terminal, long now) throws SQLException {
        List<String> valid = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(TokenSql.SELECT_VALID_OF_TERMINAL)) {
            select.setString(1, session);
            select.setString(2, terminal);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    valid.add(rs.getString(1));
                }
            }
        }
        boolean notifying = notifyChannel != null;
        if (notifying && !valid.isEmpty()) {
            try (PreparedStatement lock = connection.prepareStatement(TokenSql.LOCK_REVOCATIONS)) {
                lock.execute();
            }
        }
        List<String> revoked = new ArrayList<>(valid.size());
        for (String sha256 : valid) {
            long seq;
            try (PreparedStatement revoke = connection.prepareStatement(TokenSql.REVOKE_RETURNING_SEQ)) {
                revoke.setLong(1, now);
                revoke.setString(2, sha256);
                try (ResultSet rs = revoke.executeQuery()) {
                    if (!rs.next()) {
                        continue; // revoked meanwhile by another process, which told of it
                    }
                    seq = rs.getLong(1);
                }
            }
            revoked.add(sha256);
            if (notifying) {
                // delivered to every listening node when, and only if, this transaction commits
                try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                    notify.setString(1, notifyChannel);
                    notify.setString(2, RevocationFeed.payload(seq, sha256));
                    notify.execute();
                }
            }
        }
        return revoked;
    }

    /**
     * {@link #revokeValid} for the terminals of a batch, in batched statements: one read of the
     * valid tokens per session, one batch of updates, one notifying statement.
     */
    private List<String> revokeValidOfAll(Connection connection, List<TerminalIdentity> terminals, long now)
            throws SQLException {
        List<String> valid = validTokensOf(connection, terminals);
        if (valid.isEmpty()) {
            // nothing rotates: no revocation lock, which other nodes' revocations would hold up
            return List.of();
        }
        boolean notifying = notifyChannel != null;
        if (notifying) {
            try (PreparedStatement lock = connection.prepareStatement(TokenSql.LOCK_REVOCATIONS)) {
                lock.execute();
            }
            // read again under the lock: no other revocation can then come between the highest number
            // read below and the numbers this batch gives, nor take a token this batch would number
            valid = validTokensOf(connection, terminals);
            if (valid.isEmpty()) {
                return List.of();
            }
        }
        long first = maxRevokedSeq(connection) + 1;
        List<String> revoked = new ArrayList<>(valid.size());
        List<String> payloads = new ArrayList<>(valid.size());
        try (PreparedStatement revoke = connection.prepareStatement(TokenSql.REVOKE_NUMBERED)) {
            for (int i = 0; i < valid.size(); i++) {
                revoke.setLong(1, now);
                revoke.setLong(2, first + i);
                revoke.setString(3, valid.get(i));
                revoke.addBatch();
            }
            int[] counts = revoke.executeBatch();
            for (int i = 0; i < valid.size(); i++) {
                if (counts[i] != 0) { // 0: revoked meanwhile by a writer outside this class; its number is unused
                    revoked.add(valid.get(i));
                    payloads.add(RevocationFeed.payload(first + i, valid.get(i)));
                }
            }
        }
        if (notifying && !payloads.isEmpty()) {
            // delivered to every listening node when, and only if, this transaction commits
            try (PreparedStatement notify = connection.prepareStatement(TokenSql.NOTIFY_EACH)) {
                notify.setString(1, notifyChannel);
                notify.setArray(2, connection.createArrayOf("text", payloads.toArray()));
                notify.execute();
            }
        }
        return revoked;
    }

    /** The valid tokens (their hashes) of the batch's terminals: one read per session. */
    private static List<String> validTokensOf(Connection connection, List<TerminalIdentity> terminals)
            throws SQLException {
        Set<TerminalIdentity> asked = new HashSet<>(terminals);
        Set<String> sessions = new LinkedHashSet<>();
        terminals.forEach(terminal -> sessions.add(terminal.session()));
        List<String> valid = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(TokenSql.SELECT_VALID_OF_SESSION)) {
            for (String session : sessions) {
                select.setString(1, session);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (asked.contains(new TerminalIdentity(session, rs.getString(2)))) {
                            valid.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return valid;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    private interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private <R> R inTransaction(String what, Work<R> work) {
        Connection connection;
        try {
            connection = connections.take();
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + description + ": " + e.getMessage(), e);
        }
        try {
            R result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException("cannot " + what + " in " + description + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connections.give(connection);
        }
    }

    private static void requireIds(String session, String terminal) {
        requireId(session, "session");
        requireId(terminal, "terminal");
    }

    private static void requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " id must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(what + " id must be at most " + MAX_ID_LENGTH + " characters, not "
                    + value.length());
        }
    }
}
