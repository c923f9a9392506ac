/**
 * The terminal side of a multi-session: {@link dev.multisession.runtime.terminal.Terminal} holds
 * one device's open orders as model objects and keeps them in sync with the hub (see
 * docs/PROTOCOL.md, "On a terminal"). Inside, the protocol is a state machine without I/O,
 * {@code SyncProtocol}, which turns events (a connection, a message from the hub, a local edit,
 * the end of a pause) into effects (send, persist, refresh the models, tell the listeners, resume
 * after a delay); it is built from a {@code Sequencer} (events in order), an {@code Outbox}
 * (pending mutations and the send window) and a {@code Replica} (the confirmed state and its
 * {@code Cursor}). {@code SyncDriver} hops the transport's callbacks onto the application's
 * executor and carries out the effects there; {@code OrderModels} applies them to the model
 * objects through the codec, {@code Diff} turns an edit into operations, and a
 * {@link dev.multisession.runtime.terminal.spi.TerminalStore} keeps what must survive a crash.
 */
package dev.multisession.runtime.terminal;
