/**
 * The WebSocket transport (Jetty 12, JSON text frames as described in docs/PROTOCOL.md). On
 * the hub's side, {@link dev.multisession.runtime.transport.websocket.HubServer} authenticates
 * each upgrade by the terminal's token, keeps invalid and excess messages away from the hub
 * (strict decoding, a per-connection rate limit, a bounded write queue per connection) and
 * serves a health path. On the terminal's side, {@link
 * dev.multisession.runtime.transport.websocket.WebSocketTerminalTransport} keeps one connection
 * to the hub up through the runtime's reconnect loop, pings the hub to notice a dead path
 * within seconds, and paces what it sends below the hub's rate limit.
 */
package dev.multisession.runtime.transport.websocket;
