package dev.multisession.synctests.sim;

import dev.multisession.runtime.hub.spi.HubConnection;
import dev.multisession.runtime.hub.spi.HubEndpoint;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.protocol.MessageCodec;
import dev.multisession.runtime.protocol.ProtocolException;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A network between terminals and a hub driven by a {@link Scheduler}: every message travels as
 * JSON with a latency, and when faults are on it may be dropped, duplicated, delayed and so
 * reordered, all drawn from one seeded {@link Random}, so a run is repeatable from its seed.
 */
public final class SimNetwork {

    private final Scheduler scheduler;
    private final Random random;
    private final MessageCodec json = MessageCodec.instance();
    private final List<SimTransport> transports = new ArrayList<>();
    private HubEndpoint hub;
    private boolean faults;
    private long latency = 5;
    private double dropRate = 0.03;
    private double duplicateRate = 0.03;
    private long maxJitter = 60;

    public SimNetwork(Scheduler scheduler, Random random, HubEndpoint hub) {
        this.scheduler = scheduler;
        this.random = random;
        this.hub = hub;
    }

    /** Turns dropping, duplicating and reordering on or off. */
    public void faults(boolean on) {
        this.faults = on;
    }

    /** The base one-way latency in milliseconds. */
    public void latency(long millis) {
        this.latency = millis;
    }

    /** Points every future connection at another hub (a restarted one). */
    public void hub(HubEndpoint hub) {
        this.hub = hub;
    }

    /** A transport for one terminal. */
    public SimTransport transport(TerminalIdentity identity) {
        SimTransport transport = new SimTransport(identity);
        transports.add(transport);
        return transport;
    }

    /** Drops every connection; transports that are online reconnect after a short while. */
    public void dropAll() {
        for (SimTransport transport : List.copyOf(transports)) {
            transport.reconnect("connection reset");
        }
    }

    private void travel(Runnable delivery) {
        if (faults && random.nextDouble() < dropRate) {
            return;
        }
        long delay = latency + (faults ? random.nextInt((int) maxJitter) : 0);
        scheduler.after(delay, delivery);
        if (faults && random.nextDouble() < duplicateRate) {
            scheduler.after(delay + random.nextInt((int) maxJitter), delivery);
        }
    }

    /** One terminal's end of the simulated network. */
    public final class SimTransport implements TerminalTransport {
        private final TerminalIdentity identity;
        private Listener listener;
        private HubConnection connection;
        private long generation;
        private boolean online = true;
        private boolean closed;
        private boolean connecting;

        SimTransport(TerminalIdentity identity) {
            this.identity = identity;
        }

        @Override
        public void start(Listener listener) {
            this.listener = listener;
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
                    try {
                        target.receive(json.decodeClient(text));
                    } catch (ProtocolException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            return true;
        }

        /** Takes the terminal off the network, or puts it back. */
        public void online(boolean online) {
            this.online = online;
            if (online) {
                connectSoon();
            } else {
                disconnect("offline");
            }
        }

        public boolean isOnline() {
            return online;
        }

        /** Drops the connection; reconnects soon if online. */
        public void reconnect(String reason) {
            disconnect(reason);
            connectSoon();
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
            scheduler.after(latency * 2, () -> {
                connecting = false;
                if (!online || closed || connection != null) {
                    return;
                }
                long mine = ++generation;
                connection = hub.connect(identity, message -> toTerminal(mine, message));
                listener.connected();
            });
        }

        private void disconnect(String reason) {
            if (connection == null) {
                return;
            }
            generation++;
            connection.close();
            connection = null;
            if (!closed) {
                listener.disconnected(reason);
            }
        }

        private void toTerminal(long sentOn, HubMessage message) {
            String text = json.encode(message);
            travel(() -> {
                if (sentOn == generation && !closed) {
                    try {
                        listener.received(json.decodeHub(text));
                    } catch (ProtocolException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
    }
}
