-- Terminals' tokens, shared by every hub node on this database. Only the SHA-256 of a token is
-- stored. A revoked token keeps its row (revoked_millis set) so that every node can close the
-- connections it still carries, also after missing a notification; issuing a new token for a
-- terminal revokes its previous one.
CREATE TABLE terminal_tokens (
    sha256 TEXT PRIMARY KEY,
    session TEXT NOT NULL,
    terminal TEXT NOT NULL,
    created_millis INTEGER NOT NULL,
    revoked_millis INTEGER,
    -- one up for each revocation: what a node that polls has already seen
    revoked_seq INTEGER
);

-- At most one valid token per terminal.
CREATE UNIQUE INDEX terminal_tokens_valid ON terminal_tokens (session, terminal) WHERE revoked_millis IS NULL;
CREATE INDEX terminal_tokens_revoked ON terminal_tokens (revoked_seq) WHERE revoked_seq IS NOT NULL;
