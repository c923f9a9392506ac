/**
 * Flow control shared by every part of the runtime: a serial mailbox that hands work to an
 * executor one batch at a time, reconnect and retry delays ({@link
 * dev.multisession.runtime.flow.Backoff}), a token bucket for message rates, the one timer
 * thread that waits out delays, named daemon threads, and the {@link
 * dev.multisession.runtime.flow.ReconnectLoop} that keeps a connection up whatever it connects
 * to. The hub, the terminal, the WebSocket transports and the PostgreSQL listener all use these
 * instead of writing their own, so each rule (how a delay grows, what happens when a handler
 * throws, how an outage is logged) is stated once.
 */
package dev.multisession.runtime.flow;
