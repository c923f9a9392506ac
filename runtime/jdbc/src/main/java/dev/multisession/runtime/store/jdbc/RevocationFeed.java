package dev.multisession.runtime.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's feed of revoked tokens on PostgreSQL. Every revocation carries its
 * {@code revoked_seq}, in its notification's payload ({@code <seq>:<sha256>}) as in its row; the
 * feed remembers the highest one it heard, so that after its listening connection was down it
 * reads only the revocations after that one, not every token ever revoked. The revoking
 * transactions take turns ({@link TokenSql#LOCK_REVOCATIONS}), so they commit in the order of
 * their numbers and none can appear below one already heard.
 */
final class RevocationFeed implements Consumer<String>, PgNotificationListener.Missed {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationFeed.class);

    private final Consumer<String> revoked;
    private final AtomicLong lastSeen;

    /**
     * @param lastSeen the highest {@code revoked_seq} when the node began to listen (older ones are
     *     not told), or 0 until {@link #heardUpTo} says
     */
    RevocationFeed(Consumer<String> revoked, long lastSeen) {
        this.revoked = revoked;
        this.lastSeen = new AtomicLong(lastSeen);
    }

    /** A notification's payload for the revocation {@code seq} of the token {@code sha256}. */
    static String payload(long seq, String sha256) {
        return seq + ":" + sha256;
    }

    /**
     * A payload heard (or caught up): tells the hash, remembers the number. A payload without a
     * number (from a node of an older version) tells its whole text as the hash.
     */
    @Override
    public void accept(String payload) {
        int colon = payload.indexOf(':');
        if (colon > 0) {
            try {
                lastSeen.accumulateAndGet(Long.parseLong(payload.substring(0, colon)), Math::max);
            } catch (NumberFormatException e) {
                // not from a node of ours; the hash is still revoked, as closing too much is the safe side
                LOG.warn("A token revocation was announced with an unreadable number ({}); its token is revoked"
                        + " here all the same", payload.substring(0, Math.min(colon, 40)));
            }
        }
        revoked.accept(payload.substring(colon + 1));
    }

    /** The revocations after the last one heard, in order, as payloads. */
    @Override
    public void deliver(Connection connection, Consumer<String> payloads) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(TokenSql.SELECT_REVOKED_AFTER)) {
            select.setLong(1, lastSeen.get());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    payloads.accept(payload(rs.getLong(2), rs.getString(1)));
                }
            }
        }
    }

    /** Every revocation up to {@code seq} counts as heard: a catch-up starts after it. */
    void heardUpTo(long seq) {
        lastSeen.accumulateAndGet(seq, Math::max);
    }

    /** The highest {@code revoked_seq} heard so far. */
    long lastSeen() {
        return lastSeen.get();
    }
}
