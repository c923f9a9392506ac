package dev.multisession.runtime.store.jdbc;

import dev.multisession.runtime.hub.spi.TerminalIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * One terminal token as the hub's database keeps it: whose it is and the SHA-256 of the token,
 * never the token itself.
 *
 * @param session  the multi-session the token may reach
 * @param terminal the terminal id the token stands for
 * @param sha256   lowercase hex SHA-256 of the token's UTF-8 bytes
 * @param created  when it was issued
 * @param revoked  when it was revoked (or replaced by a newer token of the terminal); null while valid
 */
public record StoredToken(String session, String terminal, String sha256, Instant created, Instant revoked) {
    public StoredToken {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(created, "created");
    }

    /** Whether a terminal can still connect with this token. */
    public boolean valid() {
        return revoked == null;
    }

    /** The first 12 hex digits of the hash: enough to tell tokens apart in a list, useless to an attacker. */
    public String fingerprint() {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }

    /** The identity a connection authenticated with this token gets. */
    public TerminalIdentity identity() {
        return new TerminalIdentity(session, terminal);
    }
}
