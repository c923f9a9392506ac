package dev.multisession.runtime.transport;

import dev.multisession.runtime.flow.DaemonThreads;
import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A terminal's connection to a hub in the same JVM, for tests and single-process set-ups. Each
 * message goes through its JSON form, so it exercises the same encoding as the network. Messages
 * to the hub are handled on the caller's thread; messages from the hub are delivered to the
 * listener on one thread of the transport's own, in order. {@link #setOnline} simulates a
 * dropped or restored network, {@link #setAuthorized} a token the hub refuses.
 */
public final class InMemoryTransport implements TerminalTransport {

    private final HubEndpoint hub;
    private final TerminalIdentity identity;
    private final ExecutorService delivery;
    private final MessageCodec json = MessageCodec.instance();
    private final Object lock = new Object();
    private Listener listener;
    private HubConnection connection;
    private long generation;
    private boolean online = true;
    private boolean authorized = true;
    private boolean closed;

    public InMemoryTransport(HubEndpoint hub, TerminalIdentity identity) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.delivery = Executors.newSingleThreadExecutor(
                DaemonThreads.single("multisession-transport-" + identity.terminal()));
    }

    @Override
    public void start(Listener listener) {
        synchronized (lock) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
            if (online) {
                open();
            }
        }
    }

    @Override
    public boolean send(ClientMessage message) {
        HubConnection target;
        synchronized (lock) {
            target = connection;
        }
        if (target == null) {
            return false;
        }
        ClientMessage copy;
        try {
            copy = json.decodeClient(json.encode(message));
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("message does not survive its JSON form: " + message, e);
        }
        target.receive(copy);
        return true;
    }

    /** Drops the connection ({@code false}) or restores it ({@code true}). */
    public void setOnline(boolean online) {
        synchronized (lock) {
            if (this.online == online || closed) {
                this.online = online;
                return;
            }
            this.online = online;
            if (listener == null) {
                return;
            }
            if (online) {
                open();
            } else {
                drop("offline");
            }
        }
    }

    /**
     * Makes the hub refuse this terminal ({@code false}: the connection drops and every attempt
     * is reported as {@link Listener#unauthorized}) or accept it again ({@code true}).
     */
    public void setAuthorized(boolean authorized) {
        synchronized (lock) {
            if (this.authorized == authorized || closed) {
                this.authorized = authorized;
                return;
            }
            this.authorized = authorized;
            if (listener == null || !online) {
                return;
            }
            if (authorized) {
                open();
            } else {
                drop(null);
                refuse();
            }
        }
    }

    public boolean isOnline() {
        synchronized (lock) {
            return online;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (connection != null) {
                drop("closed");
            }
            closed = true;
        }
        delivery.shutdown();
    }

    private void open() {
        if (!authorized) {
            refuse();
            return;
        }
        long mine = ++generation;
        Listener target = listener;
        connection = hub.connect(identity, message -> deliver(mine, target, message));
        delivery.execute(target::connected);
    }

    private void drop(String reason) {
        generation++;
        HubConnection old = connection;
        connection = null;
        if (old != null) {
            old.close();
        }
        Listener target = listener;
        if (reason != null) {
            delivery.execute(() -> target.disconnected(reason));
        }
    }

    private void refuse() {
        Listener target = listener;
        String reason = "unauthorized: the hub refused the token of terminal " + identity.terminal()
                + " of session " + identity.session();
        delivery.execute(() -> target.unauthorized(reason));
    }

    private void deliver(long fromGeneration, Listener target, HubMessage message) {
        HubMessage copy;
        try {
            copy = json.decodeHub(json.encode(message));
        } catch (ProtocolException e) {
            throw new IllegalStateException("hub message does not survive its JSON form: " + message, e);
        }
        synchronized (lock) {
            if (fromGeneration != generation || closed) {
                return; // sent on a connection that is gone
            }
            delivery.execute(() -> {
                synchronized (lock) {
                    if (fromGeneration != generation) {
                        return;
                    }
                }
                target.received(copy);
            });
        }
    }
}
