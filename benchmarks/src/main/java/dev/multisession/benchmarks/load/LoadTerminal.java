package dev.multisession.benchmarks.load;

import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.benchmarks.support.UiThread;
import dev.multisession.runtime.protocol.ClientMessage;
import dev.multisession.runtime.protocol.HubMessage;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.ForwardingTerminalTransport;
import dev.multisession.runtime.terminal.spi.TerminalTransport;
import dev.multisession.runtime.transport.websocket.WebSocketTerminalTransport;
import dev.multisession.sample.restaurant.RestaurantOrder;
import dev.multisession.sample.restaurant.RestaurantOrderline;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.HdrHistogram.Histogram;

/**
 * One simulated POS device: a real {@link Terminal} of restaurant orders on its own UI thread,
 * connected to the hub over WebSocket. Its transport is wrapped so that, on the UI thread and
 * right after the terminal applied it, every change another terminal made is timed against the
 * moment that terminal started the edit (both in this JVM, so one clock). Its state is kept in
 * memory: the load is on the hub, and 200 terminal stores would measure this machine's disk.
 */
final class LoadTerminal implements AutoCloseable, DrivenTerminal {

    final String id;
    final String session;
    final boolean alone;
    final Terminal<RestaurantOrder> terminal;
    private final ExecutorService ui;
    private final Map<String, LoadTerminal> everyone;
    private final LongSupplier windowStart;
    private final LongSupplier windowEnd;
    /** Edit start times by mutation id. */
    private final Map<Long, Long> started = new ConcurrentHashMap<>();
    // written on the UI thread only, read after it stopped; they resize themselves, 3 significant digits
    final Histogram latencies = new Histogram(3);
    final Histogram lags = new Histogram(3);
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong problems = new AtomicLong();
    /** Edits the pacer offered that this terminal did not make because it was too far behind. */
    final AtomicLong shed = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    /** At most this many edits wait on the UI thread, and at most this many mutations in the outbox. */
    static final int BACKLOG = 500;

    LoadTerminal(String id, String session, boolean alone, URI hub, String token, Map<String, LoadTerminal> everyone,
            LongSupplier windowStart, LongSupplier windowEnd) {
        this.id = id;
        this.session = session;
        this.alone = alone;
        this.everyone = everyone;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.ui = UiThread.start("ui-" + id);
        // The transport paces a terminal to 160 messages/s by default, to stay under the hub's
        // default rate limit; that would cap one terminal at ~160 ops/s and 20 at 3,200/s. The
        // benchmark's hub runs with HubProcess.LIMITS, so the terminals pace to the same limit.
        TerminalTransport transport = new Probe(WebSocketTerminalTransport.builder(hub, token)
                .backoff(Duration.ofMillis(50), Duration.ofSeconds(1))
                .sendRate(HubProcess.LIMITS.rateLimit().messagesPerSecond(), HubProcess.LIMITS.rateLimit().burst())
                .build());
        this.terminal = Terminal.builder(RestaurantOrder.class).session(session).terminalId(id).user("waiter " + id)
                .transport(transport).store(new InMemoryTerminalStore()).executor(ui).build();
    }

    void start() {
        terminal.start();
    }

    /** Opens {@code count} orders of {@code lines} lines each (on the UI thread). */
    void openOrders(int count, int lines) {
        UiThread.call(ui, () -> {
            for (int i = 0; i < count; i++) {
                RestaurantOrder template = RestaurantOrders.withLines(lines);
                terminal.newOrder(order -> {
                    order.setTable(id + "/" + order.getUid().hashCode());
                    order.setGuests(template.getGuests());
                    for (int l = 0; l < lines; l++) {
                        RestaurantOrderline line = RestaurantOrders.line(l);
                        line.setUid(order.getUid() + "-" + l);
                        order.addLine(line);
                    }
                });
            }
            return null;
        });
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether the terminal is online, has nothing pending and shows {@code orders} orders. */
    @Override
    public boolean settled(int orders) {
        return UiThread.call(ui, () -> terminal.isOnline() && terminal.pendingMutations() == 0
                && terminal.orders().size() == orders);
    }

    @Override
    public int pending() {
        return UiThread.call(ui, terminal::pendingMutations);
    }

    /**
     * Queues one edit on the UI thread: +1 on a random line of a random open order of the
     * session. {@code scheduledNanos} is when the pacer meant it to start. When the terminal is
     * {@link #BACKLOG} behind (edits queued, or mutations the hub has not confirmed) the edit is
     * shed and counted instead, so that an overloaded run stays bounded.
     */
    void editLater(RandomGenerator random, long scheduledNanos) {
        int orderPick = random.nextInt(1 << 20);
        int linePick = random.nextInt(1 << 20);
        if (queued.incrementAndGet() > BACKLOG) {
            queued.decrementAndGet();
            shed.incrementAndGet();
            return;
        }
        ui.execute(() -> {
            queued.decrementAndGet();
            if (terminal.pendingMutations() > BACKLOG) {
                shed.incrementAndGet(); // a waiter would wait for the hub before tapping on
                return;
            }
            List<RestaurantOrder> orders = terminal.orders();
            if (orders.isEmpty()) {
                return;
            }
            RestaurantOrder order = orders.get(orderPick % orders.size());
            List<RestaurantOrderline> lines = order.getLines();
            if (lines.isEmpty()) {
                return;
            }
            RestaurantOrderline line = lines.get(linePick % lines.size());
            long mutationId = terminal.lastMutationId() + 1;
            long now = System.nanoTime();
            started.put(mutationId, now);
            if (inWindow(now)) {
                lags.recordValue(PacingLag.nanos(now, scheduledNanos));
            }
            terminal.edit(order, o -> line.changeQty(1));
        });
    }

    private boolean inWindow(long nanos) {
        return nanos >= windowStart.getAsLong() && nanos < windowEnd.getAsLong();
    }

    /** Runs on this terminal's UI thread after it applied {@code change}. */
    private void applied(HubMessage.Change change) {
        String author = change.author().terminal();
        if (author.equals(id) && !alone) {
            return;
        }
        LoadTerminal origin = everyone.get(author);
        if (origin == null) {
            return;
        }
        Long start = author.equals(id) ? started.remove(change.mutationId()) : origin.started.get(change.mutationId());
        if (start != null && inWindow(start)) {
            latencies.recordValue(System.nanoTime() - start);
        }
    }

    /** Waits until every task queued so far on the UI thread has run. */
    void barrier() {
        UiThread.call(ui, () -> null);
    }

    @Override
    public void close() {
        terminal.close();
        ui.shutdownNow();
    }

    /** The WebSocket transport, with the probes on what arrives. */
    private final class Probe extends ForwardingTerminalTransport {

        Probe(TerminalTransport delegate) {
            super(delegate);
        }

        @Override
        protected Listener listen(Listener terminal) {
            return new ForwardingListener(terminal) {
                @Override
                public void received(HubMessage message) {
                    super.received(message);
                    if (message instanceof HubMessage.Change change) {
                        if (change.author().terminal().equals(id) && inWindow(System.nanoTime())) {
                            accepted.incrementAndGet();
                        }
                        ui.execute(() -> applied(change));
                    } else if (message instanceof HubMessage.Error || message instanceof HubMessage.Rejected
                            || message instanceof HubMessage.Resend) {
                        problems.incrementAndGet();
                    } else if (message instanceof HubMessage.Ack ack && !ack.dropped().isEmpty()) {
                        problems.incrementAndGet();
                    }
                }

                @Override
                public void disconnected(String reason) {
                    problems.incrementAndGet();
                    super.disconnected(reason);
                }
            };
        }
    }
}
