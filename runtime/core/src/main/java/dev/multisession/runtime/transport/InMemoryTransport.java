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
 *
 * <p>No call holds the transport's lock while calling into the hub, so the transport, the
 * terminal, the hub and their executors may be closed in any order. A hub that is closed refuses
 * new connections: the listener hears {@link Listener#disconnected}, as over a network.
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
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = listener;
        }
        open();
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
        HubConnection dropped;
        synchronized (lock) {
            if (this.online == online || closed || listener == null) {
                this.online = online;
                return;
            }
            this.online = online;
            dropped = online ? null : drop("offline");
        }
        closeOutsideLock(dropped);
        if (online) {
            open();
        }
    }

    /**
     * Makes the hub refuse this terminal ({@code false}: the connection drops and every attempt
     * is reported as {@link Listener#unauthorized}) or accept it again ({@code true}).
     */
    public void setAuthorized(boolean authorized) {
        HubConnection dropped = null;
        synchronized (lock) {
            if (this.authorized == authorized || closed || listener == null || !online) {
                this.authorized = authorized;
                return;
            }
            this.authorized = authorized;
            if (!authorized) {
                dropped = drop(null);
                refuse();
            }
        }
        closeOutsideLock(dropped);
        if (authorized) {
            open();
        }
    }

    public boolean isOnline() {
        synchronized (lock) {
            return online;
        }
    }

    /** Drops the connection; callbacks already queued are still delivered. Never blocks on the hub. */
    @Override
    public void close() {
        HubConnection dropped;
        synchronized (lock) {
            if (closed) {
                return;
            }
            dropped = connection != null ? drop("closed") : null;
            closed = true;
        }
        closeOutsideLock(dropped);
        delivery.shutdown();
    }

    /**
     * Connects to the hub if the switches allow it. The hub is called without holding the lock:
     * the hub's threads call {@link #deliver} (which takes it) while holding their own locks, so
     * holding ours while calling into the hub could deadlock. A generation tells whether the
     * connection made is still wanted when the hub returns it.
     */
    private void open() {
        long mine;
        Listener target;
        synchronized (lock) {
            if (closed || !online || listener == null) {
                return;
            }
            if (!authorized) {
                refuse();
                return;
            }
            mine = ++generation;
            target = listener;
        }
        HubConnection opened;
        try {
            opened = hub.connect(identity, message -> deliver(mine, target, message));
        } catch (IllegalStateException hubClosed) {
            synchronized (lock) {
                if (mine == generation && !closed) {
                    delivery.execute(() -> target.disconnected("the hub refused the connection: "
                            + hubClosed.getMessage()));
                }
            }
            return;
        }
        boolean wanted;
        synchronized (lock) {
            wanted = mine == generation && !closed;
            if (wanted) {
                connection = opened;
                delivery.execute(target::connected);
            }
        }
        if (!wanted) {
            opened.close(); // switched off or closed while connecting
        }
    }

    /** Forgets the connection and queues the listener's news; the caller holds the lock and closes what it returns. */
    private HubConnection drop(String reason) {
        generation++;
        HubConnection old = connection;
        connection = null;
        Listener target = listener;
        if (reason != null) {
            delivery.execute(() -> target.disconnected(reason));
        }
        return old;
    }

    private static void closeOutsideLock(HubConnection dropped) {
        if (dropped != null) {
            dropped.close();
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
