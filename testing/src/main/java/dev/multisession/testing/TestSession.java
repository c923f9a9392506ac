package dev.multisession.testing;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A hub and terminals of one multi-session in memory, for an application's own tests: one call
 * builds them, everything runs on the test's thread on {@link VirtualTime}, and a run with the
 * same seed is the same run.
 *
 * <pre>{@code
 * try (TestSession<Order> session = TestSession.start(Order.class, 2)) {
 *     Terminal<Order> bar = session.terminal(0), kitchen = session.terminal(1);
 *     Order order = bar.newOrder(o -> o.table = "T4");
 *     session.awaitQuiet();
 *     assertEquals("T4", kitchen.order(order.uid).table);
 * }
 * }</pre>
 *
 * <p>Terminals are named A, B, C…, in session {@value #SESSION}; their executor runs tasks at
 * once on the thread that delivers (the test's), so listeners and confirmations happen inside
 * {@link #awaitQuiet()} or {@link #advance}. Each terminal keeps an in-memory store that
 * survives {@link #restart(int)}. Not thread-safe: drive it from the test's thread.
 *
 * @param <O> the order model type
 */
public final class TestSession<O> implements AutoCloseable {

    /** The session every terminal joins. */
    public static final String SESSION = "test-session";
    /** The most tasks {@link #awaitQuiet()} runs before it calls it a livelock. */
    static final long MAX_TASKS = 5_000_000;

    private final Class<O> modelType;
    private final VirtualTime time = new VirtualTime();
    private final Random random;
    private final InMemoryHubStore hubStore = new InMemoryHubStore();
    private final List<Station> stations = new ArrayList<>();
    private Hub hub;
    private boolean closed;

    private final class Station {
        final String id;
        final InMemoryTerminalStore store = new InMemoryTerminalStore();
        TestLink link;
        Terminal<O> terminal;
        int orderIds;

        Station(String id) {
            this.id = id;
            this.link = new TestLink(new TerminalIdentity(SESSION, id), time, random, () -> hub);
            this.terminal = newTerminal(link);
        }

        Terminal<O> newTerminal(TestLink on) {
            return Terminal.builder(modelType).session(SESSION).terminalId(id).user("user-" + id).transport(on)
                    .store(store).executor(Runnable::run).orderIds(() -> id + "-" + (++orderIds)).build();
        }
    }

    private TestSession(Class<O> modelType, int terminals, long seed) {
        this.modelType = modelType;
        this.random = new Random(seed);
        this.hub = newHub();
        for (int i = 0; i < terminals; i++) {
            stations.add(new Station(String.valueOf((char) ('A' + i))));
        }
    }

    /**
     * A hub and {@code terminals} started terminals of orders of {@code modelType}, with perfect
     * links, all connected and in sync when it returns (seed 1).
     *
     * @throws IllegalArgumentException if {@code terminals} is not between 1 and 26, or the model
     *     has no generated codec
     * @throws IllegalStateException if the model cannot make terminals (see {@link Terminal.Builder#build()})
     */
    public static <O> TestSession<O> start(Class<O> modelType, int terminals) {
        return start(modelType, terminals, 1);
    }

    /** Like {@link #start(Class, int)}, drawing every fault from {@code seed}. */
    public static <O> TestSession<O> start(Class<O> modelType, int terminals, long seed) {
        Objects.requireNonNull(modelType, "modelType: give the order model class, e.g. TestSession.start(Order.class, 2)");
        if (terminals < 1 || terminals > 26) {
            throw new IllegalArgumentException("terminals must be between 1 and 26, not " + terminals);
        }
        TestSession<O> session = new TestSession<>(modelType, terminals, seed);
        session.startAll();
        return session;
    }

    private void startAll() {
        for (Station station : stations) {
            station.terminal.start();
        }
        awaitQuiet();
    }

    /** Terminal {@code index} (0 is A). */
    public Terminal<O> terminal(int index) {
        return station(index).terminal;
    }

    /** Every terminal, A first. */
    public List<Terminal<O>> terminals() {
        return stations.stream().map(s -> s.terminal).toList();
    }

    /** The link of terminal {@code index}: switch it offline and back, give it faults. */
    public TestLink link(int index) {
        return station(index).link;
    }

    /** Takes terminal {@code index} off the network; its changes wait in its outbox. */
    public void offline(int index) {
        link(index).offline();
    }

    /** Puts terminal {@code index} back on the network; it reconnects on the next {@link #awaitQuiet()}. */
    public void online(int index) {
        link(index).online();
    }

    /** The hub (for example to {@link Hub#resetSession close the day}). */
    public Hub hub() {
        return hub;
    }

    /** The virtual time everything runs on. */
    public VirtualTime time() {
        return time;
    }

    /**
     * Delivers every message on its way, and what it leads to, until nothing is in flight: then
     * every online terminal on a healthy link has sent its changes and has what the hub has.
     * A message a link dropped is not sent again by itself (a terminal re-sends on its next
     * connection): with faults on, heal the links and reconnect them ({@code link.reset()})
     * before relying on convergence. Listeners and confirmations run inside this call.
     *
     * @throws IllegalStateException if the traffic never stops (a livelock)
     */
    public void awaitQuiet() {
        time.runUntilIdle(MAX_TASKS);
    }

    /** Lets {@code duration} of virtual time pass, delivering what is due within it. */
    public void advance(Duration duration) {
        time.advance(duration);
    }

    /**
     * Simulates a crash of terminal {@code index}: its terminal object is closed and a new one is
     * built on the same store and link, and started. Returns the new terminal; the old one's
     * model objects are no longer updated.
     */
    public Terminal<O> restart(int index) {
        Station station = station(index);
        station.terminal.close(); // closes its link too
        TestLink link = new TestLink(new TerminalIdentity(SESSION, station.id), time, random, () -> hub);
        link.faults(station.link.faults());
        if (!station.link.isOnline()) {
            link.offline();
        }
        station.link = link;
        station.terminal = station.newTerminal(link);
        station.terminal.start();
        return station.terminal;
    }

    /** Replaces the hub by a new one on the same store, as after a hub restart; every terminal reconnects. */
    public void restartHub() {
        hub.close();
        hub = newHub();
        for (Station station : stations) {
            station.link.reset();
        }
    }

    /** Closes every terminal and the hub. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Station station : stations) {
            station.terminal.close();
        }
        hub.close();
    }

    private Station station(int index) {
        if (index < 0 || index >= stations.size()) {
            throw new IndexOutOfBoundsException("terminal " + index + " of " + stations.size()
                    + " (terminals are numbered from 0)");
        }
        return stations.get(index);
    }

    private Hub newHub() {
        return Hub.builder().store(hubStore).clock(time.clock()).sameThread().build();
    }
}
