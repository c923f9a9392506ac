-- The hub's state, one database file for every session this hub serves.

-- One row per multi-session: its epoch and counters. The write transaction is the lock.
CREATE TABLE sessions (
    session TEXT PRIMARY KEY,
    run_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    last_order_number INTEGER NOT NULL,
    log_floor INTEGER NOT NULL
);

-- Open orders and the tombstones of removed ones (kept so late updates are refused).
CREATE TABLE orders (
    session TEXT NOT NULL,
    uid TEXT NOT NULL,
    revision INTEGER NOT NULL,
    number INTEGER NOT NULL,
    data TEXT NOT NULL,
    info TEXT NOT NULL,
    removed INTEGER NOT NULL,
    finalized INTEGER NOT NULL,
    PRIMARY KEY (session, uid)
);

CREATE INDEX orders_open ON orders (session, number) WHERE NOT removed;

-- Recent changes, replayed to terminals that reconnect; the primary key is the read path.
CREATE TABLE log (
    session TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (session, seq)
) WITHOUT ROWID;

-- The last mutation applied from each terminal, so that retries apply once.
CREATE TABLE terminals (
    session TEXT NOT NULL,
    terminal TEXT NOT NULL,
    last_mutation_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (session, terminal)
) WITHOUT ROWID;
