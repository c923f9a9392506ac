package dev.multisession.synctests.sim;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.terminal.Conflict;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.synctests.model.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A hub and several terminals of one session on a {@link SimNetwork}, all single-threaded on one
 * {@link Scheduler}: terminals apply remote changes directly on the scheduler's thread.
 */
public final class Cluster {

    public static final String SESSION = "bistro";

    public final Scheduler scheduler = new Scheduler();
    public final RecordingHubStore hubStore = new RecordingHubStore();
    public final SimNetwork network;
    private final int logSize;
    private Hub hub;
    private final List<Node> nodes = new ArrayList<>();

    /** One terminal with its transport, durable store and what its listeners heard. */
    public final class Node {
        public final String id;
        public InMemoryTerminalStore store = new InMemoryTerminalStore();
        /**
         * The hub's count of this terminal's mutations when it last lost its store, or -1: the
         * changes it makes before its next welcome are sent with this added to their ids.
         */
        public long handledWhenStoreLost = -1;
        public final List<Conflict> conflicts = new ArrayList<>();
        public final List<String> events = new ArrayList<>();
        public SimNetwork.SimTransport transport;
        public Terminal<Order> terminal;
        private int orderIds;

        Node(String id) {
            this.id = id;
            boot();
        }

        private void boot() {
            transport = network.transport(new TerminalIdentity(SESSION, id));
            terminal = Terminal.builder(Order.class)
                    .session(SESSION)
                    .terminalId(id)
                    .user("user-" + id)
                    .transport(transport)
                    .store(store)
                    .executor(Runnable::run)
                    .orderIds(() -> id + "-o" + (++orderIds))
                    .build();
            terminal.addListener(new TerminalListener<>() {
                @Override
                public void orderAdded(Order order) {
                    events.add("added " + order.uid);
                }

                @Override
                public void orderUpdated(Order order, Set<String> changedKeys) {
                    events.add("updated " + order.uid + " " + changedKeys);
                }

                @Override
                public void orderRemoved(Order order, boolean finalized) {
                    events.add("removed " + order.uid + (finalized ? " paid" : ""));
                }

                @Override
                public void conflict(Conflict conflict) {
                    conflicts.add(conflict);
                }
            });
            terminal.start();
        }

        /** Simulates a crash: the terminal object is gone; a new one starts from the same store. */
        public void restart() {
            terminal.close();
            boot();
        }

        /**
         * Simulates a replaced device while it is offline: the terminal object and its store are
         * gone, a new terminal starts on an empty store and stays offline until told otherwise.
         * Returns the hub's count of this terminal's mutations, which the new one numbers after.
         */
        public long loseStore() {
            terminal.close();
            handledWhenStoreLost = hubStore.inSession(SESSION, tx -> tx.terminal(id)).lastMutationId();
            store = new InMemoryTerminalStore();
            boot();
            transport.online(false);
            return handledWhenStoreLost;
        }

        /** The id the hub will know the terminal's last change by (a change made before the welcome of a new store is renumbered). */
        public long lastMutationIdAtHub() {
            return terminal.runId() == 0 && handledWhenStoreLost >= 0
                    ? handledWhenStoreLost + terminal.lastMutationId() : terminal.lastMutationId();
        }

        public void online(boolean online) {
            transport.online(online);
        }

        /** The open order with this uid on this terminal, or null. */
        public Order order(String uid) {
            return terminal.order(uid);
        }
    }

    public Cluster(long seed, int terminals, int logSize) {
        this.logSize = logSize;
        this.hub = newHub();
        this.network = new SimNetwork(scheduler, new Random(seed), hub);
        for (int i = 0; i < terminals; i++) {
            nodes.add(new Node(String.valueOf((char) ('A' + i))));
        }
        settle();
    }

    private Hub newHub() {
        return Hub.builder().store(hubStore).clock(scheduler.clock()).logSize(logSize).sameThread().build();
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Hub hub() {
        return hub;
    }

    /** Replaces the hub by a new one on the same store; every terminal is disconnected and reconnects. */
    public void restartHub() {
        hub.close();
        hub = newHub();
        network.hub(hub);
        network.dropAll();
    }

    /**
     * Stops the hub, restores its store from {@code backup} (what it confirmed since is lost) and
     * starts a new hub on it; every terminal is disconnected and reconnects.
     */
    public void restoreHub(RecordingHubStore.Backup backup) {
        hub.close();
        hubStore.restore(backup);
        hub = newHub();
        network.hub(hub);
        network.dropAll();
    }

    /** Runs the network until nothing is in flight. */
    public void settle() {
        scheduler.runUntilIdle(2_000_000);
    }

    /** Lets {@code millis} of virtual time pass. */
    public void run(long millis) {
        scheduler.runFor(millis);
    }
}
