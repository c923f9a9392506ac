/**
 * What a terminal needs from the outside, for those who implement it: a
 * {@link dev.multisession.runtime.terminal.spi.TerminalTransport} reaches the hub and reports
 * the connection and every message, and a
 * {@link dev.multisession.runtime.terminal.spi.TerminalStore} keeps the confirmed state and the
 * outbox across crashes. Implementations: the in-memory transport in {@code transport} and the
 * in-memory store in {@code store.memory}; WebSocket in {@code multisession-websocket}, SQLite
 * in {@code multisession-jdbc}.
 */
package dev.multisession.runtime.terminal.spi;
