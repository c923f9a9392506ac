-- The hub's state, shared by every hub node that connects to this database (and schema).

-- One row per multi-session: its epoch and counters. SELECT ... FOR UPDATE on this row is
-- the session's lock across nodes.
CREATE TABLE sessions (
    session TEXT PRIMARY KEY,
    run_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    last_order_number BIGINT NOT NULL,
    log_floor BIGINT NOT NULL
);

-- Open orders and the tombstones of removed ones. jsonb so that operators can query the
-- orders' contents; the hub itself only reads them whole.
CREATE TABLE orders (
    session TEXT NOT NULL,
    uid TEXT NOT NULL,
    revision BIGINT NOT NULL,
    number BIGINT NOT NULL,
    data JSONB NOT NULL,
    info JSONB NOT NULL,
    removed BOOLEAN NOT NULL,
    finalized BOOLEAN NOT NULL,
    PRIMARY KEY (session, uid)
);

CREATE INDEX orders_open ON orders (session, number) WHERE NOT removed;

-- Recent changes, replayed to terminals that reconnect and read by other nodes after a
-- NOTIFY. Written once and sent on verbatim, so plain text spares a jsonb round trip.
CREATE TABLE log (
    session TEXT NOT NULL,
    seq BIGINT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (session, seq)
);

-- The last mutation applied from each terminal, so that retries apply once.
CREATE TABLE terminals (
    session TEXT NOT NULL,
    terminal TEXT NOT NULL,
    last_mutation_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (session, terminal)
);
