/**
 * What the hub needs from the outside, for those who implement it: a
 * {@link dev.multisession.runtime.hub.spi.HubStore} keeps sessions durably (a
 * {@link dev.multisession.runtime.hub.spi.SessionTx} per transaction, with the
 * {@link dev.multisession.runtime.hub.spi.SessionHead}, orders and terminal cursors as records),
 * and a server transport reaches the hub through a
 * {@link dev.multisession.runtime.hub.spi.HubEndpoint}: one
 * {@link dev.multisession.runtime.hub.spi.HubConnection} per authenticated
 * {@link dev.multisession.runtime.hub.spi.TerminalIdentity}, answering through a
 * {@link dev.multisession.runtime.hub.spi.MessageSink}. Implementations: the in-memory store in
 * {@code store.memory}, SQLite and PostgreSQL in {@code multisession-jdbc}, the WebSocket
 * server in {@code multisession-websocket}.
 */
package dev.multisession.runtime.hub.spi;
