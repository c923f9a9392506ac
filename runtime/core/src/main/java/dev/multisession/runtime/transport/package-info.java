/**
 * Transports between terminals and a hub that need no network:
 * {@link dev.multisession.runtime.transport.InMemoryTransport} connects a terminal to a hub in
 * the same JVM (tests, simulations, a single-process deployment), and
 * {@link dev.multisession.runtime.transport.ForwardingTerminalTransport} is the base for
 * transports that watch or change what another one does (fault injection, recording). The
 * WebSocket transport lives in {@code multisession-websocket}.
 */
package dev.multisession.runtime.transport;
