-- What one terminal must not lose when it crashes; one file per terminal.

-- The counters: a single row.
CREATE TABLE counters (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    run_id INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    last_mutation_id INTEGER NOT NULL
);

-- The hub's open orders as last confirmed; rowid keeps the order they were first stored in.
CREATE TABLE confirmed_orders (
    uid TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    number INTEGER NOT NULL,
    data TEXT NOT NULL,
    info TEXT NOT NULL
);

-- Mutate and remove messages not yet reflected by the hub, as protocol JSON.
CREATE TABLE outbox (
    mutation_id INTEGER PRIMARY KEY,
    message TEXT NOT NULL
);
