package dev.multisession.runtime.protocol;

/**
 * Every message of the multisession protocol. In JSON each is one object whose {@code type}
 * member names the record (see docs/PROTOCOL.md). A switch over {@link ClientMessage} or
 * {@link HubMessage} is checked by the compiler when a message type is added.
 */
public sealed interface Message permits ClientMessage, HubMessage {

    /** The value of the JSON {@code type} member. */
    String type();
}
