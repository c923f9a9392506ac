package dev.multisession.runtime.store.jdbc;

/** The statements on the {@code terminal_tokens} table (migration V3), the same in both dialects. */
final class TokenSql {
    static final String SELECT_VALID_BY_HASH =
            "SELECT session, terminal FROM terminal_tokens WHERE sha256 = ? AND revoked_millis IS NULL";
    static final String SELECT_VALID_OF_TERMINAL =
            "SELECT sha256 FROM terminal_tokens WHERE session = ? AND terminal = ? AND revoked_millis IS NULL";
    static final String SELECT_VALID_OF_SESSION =
            "SELECT sha256, terminal FROM terminal_tokens WHERE session = ? AND revoked_millis IS NULL";
    static final String SELECT_ALL =
            "SELECT session, terminal, sha256, created_millis, revoked_millis FROM terminal_tokens"
            + " ORDER BY session, terminal, created_millis";
    static final String INSERT =
            "INSERT INTO terminal_tokens (sha256, session, terminal, created_millis) VALUES (?, ?, ?, ?)";
    /** Revokes one token; its {@code revoked_seq} is one above every earlier revocation's. */
    static final String REVOKE =
            "UPDATE terminal_tokens SET revoked_millis = ?,"
            + " revoked_seq = (SELECT COALESCE(MAX(revoked_seq), 0) + 1 FROM terminal_tokens)"
            + " WHERE sha256 = ? AND revoked_millis IS NULL";
    /** Revokes one token with the number the caller gives it (a batch numbers its revocations itself). */
    static final String REVOKE_NUMBERED =
            "UPDATE terminal_tokens SET revoked_millis = ?, revoked_seq = ? WHERE sha256 = ? AND revoked_millis IS NULL";
    static final String SELECT_REVOKED_AFTER =
            "SELECT sha256, revoked_seq FROM terminal_tokens WHERE revoked_seq > ? ORDER BY revoked_seq";
    static final String MAX_REVOKED_SEQ = "SELECT COALESCE(MAX(revoked_seq), 0) FROM terminal_tokens";
    /** {@link #REVOKE} answering the number it gave (SQLite and PostgreSQL). */
    static final String REVOKE_RETURNING_SEQ = REVOKE + " RETURNING revoked_seq";
    /** PostgreSQL: sends one notification on the channel for each payload of the array, in its order. */
    static final String NOTIFY_EACH = "SELECT pg_notify(?, payload) FROM unnest(?::text[]) AS revoked(payload)";
    /**
     * PostgreSQL: revoking transactions take turns until they end, so that each reads the number
     * the previous one committed and they commit in the order of their numbers (a node catching
     * up after the highest number it heard would otherwise skip one committed later below it).
     */
    static final String LOCK_REVOCATIONS = "SELECT pg_advisory_xact_lock(7305521090410462833)"; // any key, one for all

    private TokenSql() {}
}
