/**
 * The protocol between terminals and a hub, as docs/PROTOCOL.md describes it: the messages a
 * terminal sends ({@link dev.multisession.runtime.protocol.ClientMessage}) and those the hub
 * sends ({@link dev.multisession.runtime.protocol.HubMessage}) as records in sealed interfaces,
 * the operations a mutation carries ({@link dev.multisession.runtime.protocol.Op}) with their
 * paths, the error and conflict codes ({@link dev.multisession.runtime.protocol.Reason}), and
 * {@link dev.multisession.runtime.protocol.MessageCodec}, which turns them into JSON text and
 * reads them back strictly. Both sides and every transport use these types; nothing here does
 * I/O or keeps state.
 */
package dev.multisession.runtime.protocol;
