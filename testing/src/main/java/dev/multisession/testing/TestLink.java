package dev.multisession.testing;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One terminal's connection to the hub of a {@link TestSession}, on {@link VirtualTime}: every
 * message travels in its JSON form (the same encoding as the network) with the link's
 * {@link LinkFaults}. Take it {@link #offline()} and back {@link #online()}; an online link
 * whose connection dropped reconnects after a short virtual while. Not thread-safe: the test's
 * thread drives it.
 */
public final class TestLink implements TerminalTransport {

    /** Virtual milliseconds between losing a connection (or going online) and connecting. */
    static final long RECONNECT_DELAY = 10;

    private final TerminalIdentity identity;
    private final VirtualTime time;
    private final Random random;
    private final Supplier<HubEndpoint> hub;
    private final MessageCodec json = MessageCodec.instance();
    private LinkFaults faults = LinkFaults.NONE;
    private Listener listener;
    private HubConnection connection;
    /** Counts connections: a message of an earlier one is never delivered on a later one. */
    private long generation;
    private boolean online = true;
    private boolean connecting;
    private boolean closed;

    TestLink(TerminalIdentity identity, VirtualTime time, Random random, Supplier<HubEndpoint> hub) {
        this.identity = identity;
        this.time = time;
        this.random = random;
        this.hub = hub;
    }

    /** Sets what the link does to messages from now on (messages already on their way keep theirs). */
    public TestLink faults(LinkFaults faults) {
        this.faults = Objects.requireNonNull(faults, "faults: use LinkFaults.NONE for a perfect link");
        return this;
    }

    /** What the link does to messages now. */
    public LinkFaults faults() {
        return faults;
    }

    /** Drops the connection and keeps the terminal off the network until {@link #online()}. */
    public void offline() {
        online = false;
        disconnect("offline");
    }

    /** Lets the terminal connect again (after a short virtual while). */
    public void online() {
        online = true;
        connectSoon();
    }

    /** Whether the link is switched on (it may still be connecting). */
    public boolean isOnline() {
        return online;
    }

    /** Whether a connection to the hub is open now. */
    public boolean isConnected() {
        return connection != null;
    }

    /** Drops the connection as a network failure would; an online link reconnects soon. */
    public void reset() {
        disconnect("connection reset");
        connectSoon();
    }

    @Override
    public void start(Listener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        connectSoon();
    }

    @Override
    public boolean send(ClientMessage message) {
        if (connection == null) {
            return false;
        }
        long sentOn = generation;
        HubConnection target = connection;
        String text = json.encode(message);
        travel(() -> {
            if (sentOn == generation && connection == target) {
                target.receive(decodeClient(text));
            }
        });
        return true;
    }

    @Override
    public void close() {
        disconnect("closed");
        closed = true;
    }

    private void connectSoon() {
        if (connecting || closed || listener == null) {
            return;
        }
        connecting = true;
        time.after(RECONNECT_DELAY, () -> {
            connecting = false;
            if (!online || closed || connection != null) {
                return;
            }
            long mine = ++generation;
            connection = hub.get().connect(identity, message -> toTerminal(mine, message));
            listener.connected();
        });
    }

    private void disconnect(String reason) {
        if (connection == null) {
            return;
        }
        generation++;
        HubConnection old = connection;
        connection = null;
        old.close();
        if (!closed) {
            listener.disconnected(reason);
        }
    }

    private void toTerminal(long sentOn, HubMessage message) {
        String text = json.encode(message);
        travel(() -> {
            if (sentOn == generation && !closed) {
                listener.received(decodeHub(text));
            }
        });
    }

    private void travel(Runnable delivery) {
        LinkFaults now = faults;
        if (now.dropRate() > 0 && random.nextDouble() < now.dropRate()) {
            return;
        }
        long delay = now.latency().toMillis() + jitter(now);
        time.after(delay, delivery);
        if (now.duplicateRate() > 0 && random.nextDouble() < now.duplicateRate()) {
            time.after(delay + jitter(now), delivery);
        }
    }

    private long jitter(LinkFaults now) {
        long window = now.reorderWindow().toMillis();
        return window > 0 ? random.nextLong(window) : 0;
    }

    private ClientMessage decodeClient(String text) {
        try {
            return json.decodeClient(text);
        } catch (ProtocolException e) {
            throw new IllegalStateException("a message did not survive its JSON form: " + text, e);
        }
    }

    private HubMessage decodeHub(String text) {
        try {
            return json.decodeHub(text);
        } catch (ProtocolException e) {
            throw new IllegalStateException("a hub message did not survive its JSON form: " + text, e);
        }
    }

    @Override
    public String toString() {
        return "link of terminal " + identity.terminal() + (online ? "" : " (offline)") + ", " + faults;
    }
}
