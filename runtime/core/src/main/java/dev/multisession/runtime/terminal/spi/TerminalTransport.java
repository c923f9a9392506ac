package dev.multisession.runtime.terminal.spi;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;

/**
 * A terminal's side of its connection to a hub. Implementations: in-memory (one JVM) and
 * WebSocket ({@code multisession-websocket}). A transport reconnects by itself after a drop
 * and tells its listener each time it is connected again; the terminal then says hello and
 * re-sends its outbox.
 */
public interface TerminalTransport extends AutoCloseable {

    /** Starts connecting; from now on {@code listener} is told about the connection and every message. */
    void start(Listener listener);

    /**
     * Sends a message if connected. Returns false when there is no connection (the message is
     * not queued: the terminal's outbox keeps unacknowledged mutations and re-sends them).
     */
    boolean send(ClientMessage message);

    /** Closes the connection and stops reconnecting. */
    @Override
    void close();

    /** Told about the connection and every message received; calls come from one thread at a time, in order. */
    interface Listener {
        /** A connection is up (again); the terminal sends hello next. */
        void connected();

        /** A message arrived from the hub. */
        void received(HubMessage message);

        /** The connection dropped or could not be made; the transport keeps trying. */
        void disconnected(String reason);

        /**
         * The hub refused the terminal's credentials, a connection attempt failed for that reason
         * (reported instead of {@link #disconnected}). {@code reason} starts with
         * {@code "unauthorized"}. The transport keeps trying, at its longest backoff, because
         * the token may be issued or fixed on the hub later. The default treats it as a drop.
         */
        default void unauthorized(String reason) {
            disconnected(reason);
        }

        /**
         * A message arrived that the terminal cannot read (not JSON, or not a message of this
         * protocol, or beyond its limits); {@code reason} says why. The connection stays up: the
         * terminal tells its listeners and asks the hub for a snapshot. The default treats it
         * as a drop, which also makes the terminal catch up.
         */
        default void unreadable(String reason) {
            disconnected("unreadable message: " + reason);
        }
    }
}
