package dev.multisession.sample.cli.demo;

import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A terminal's network cable for the demo: wraps a real transport that can be unplugged (the
 * connection is closed, as when a tablet leaves the Wi-Fi) and plugged back in (a new
 * connection is made), so the terminal goes through a real disconnect and reconnect.
 */
public final class UnpluggableTransport implements TerminalTransport {

    private final Supplier<TerminalTransport> connections;
    private Listener listener;
    private TerminalTransport current;
    private boolean closed;

    /** @param connections makes a new, not yet started connection each time the cable is plugged in */
    public UnpluggableTransport(Supplier<TerminalTransport> connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public synchronized void start(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        plug();
    }

    @Override
    public synchronized boolean send(ClientMessage message) {
        return current != null && current.send(message);
    }

    /** Closes the connection; the terminal is told it is offline and keeps working on its own. */
    public void unplug() {
        TerminalTransport old;
        synchronized (this) {
            old = current;
            current = null;
        }
        if (old != null) {
            old.close();
            listener.disconnected("cable unplugged");
        }
    }

    /** Opens a new connection; the terminal says hello again and catches up. */
    public synchronized void plug() {
        if (closed || current != null) {
            return;
        }
        TerminalTransport fresh = connections.get();
        current = fresh;
        fresh.start(new Forwarder(fresh));
    }

    /** Whether the cable is plugged in (the connection itself may still be coming up). */
    public synchronized boolean isPlugged() {
        return current != null;
    }

    @Override
    public void close() {
        TerminalTransport old;
        synchronized (this) {
            closed = true;
            old = current;
            current = null;
        }
        if (old != null) {
            old.close();
        }
    }

    /** Passes on the events of one connection until it is unplugged. */
    private final class Forwarder implements Listener {
        private final TerminalTransport connection;

        Forwarder(TerminalTransport connection) {
            this.connection = connection;
        }

        private boolean live() {
            synchronized (UnpluggableTransport.this) {
                return current == connection;
            }
        }

        @Override
        public void connected() {
            if (live()) {
                listener.connected();
            }
        }

        @Override
        public void received(HubMessage message) {
            if (live()) {
                listener.received(message);
            }
        }

        @Override
        public void disconnected(String reason) {
            if (live()) {
                listener.disconnected(reason);
            }
        }

        @Override
        public void unreadable(String reason) {
            if (live()) {
                listener.unreadable(reason);
            }
        }
    }
}
