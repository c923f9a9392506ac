/**
 * Stores that keep everything in memory, for tests, simulations and a single JVM: the hub's
 * {@link dev.multisession.runtime.store.memory.InMemoryHubStore} and the terminal's
 * {@link dev.multisession.runtime.store.memory.InMemoryTerminalStore}. They honour the same
 * contracts as the SQLite and PostgreSQL stores of {@code multisession-jdbc} (one transaction
 * per session at a time, reads that see the transaction's own writes) but survive nothing.
 */
package dev.multisession.runtime.store.memory;
