/**
 * Stores on JDBC: {@link dev.multisession.runtime.store.jdbc.SqliteHubStore} (one file, zero
 * set-up) and {@link dev.multisession.runtime.store.jdbc.PostgresHubStore} (several hub nodes on
 * one database) for the hub, and {@link dev.multisession.runtime.store.jdbc.SqliteTerminalStore}
 * for a terminal's durable outbox and last synced state. Every change of a multi-session is one
 * transaction; with PostgreSQL the commit also sends a {@code NOTIFY} that only names the
 * session, and each node listens on a dedicated connection, re-made by the runtime's reconnect
 * loop when it breaks, to read other nodes' changes from the log.
 */
package dev.multisession.runtime.store.jdbc;
