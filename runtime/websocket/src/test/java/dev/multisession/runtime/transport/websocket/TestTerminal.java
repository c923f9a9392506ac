package dev.multisession.runtime.transport.websocket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.transport.websocket.model.Order;
import dev.multisession.runtime.transport.websocket.model.Orderline;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A terminal of session "bistro" with its own UI thread, connected over WebSocket with short
 * reconnect and keep-alive timings. Tests reach its terminal and models only on that thread.
 */
final class TestTerminal implements AutoCloseable {

    private static final MultiSessionCodec<Order> CODEC = MultiSessionCodecs.forClass(Order.class);

    final String id;
    final ExecutorService ui;
    final Terminal<Order> terminal;
    private final TerminalStore store;

    TestTerminal(String id, URI uri, String token) {
        this(id, uri, token, new InMemoryTerminalStore(), new TerminalListener<>() {});
    }

    /** A terminal on {@code store} whose {@code listener} hears everything from its start. */
    TestTerminal(String id, URI uri, String token, TerminalStore store, TerminalListener<Order> listener) {
        this.id = id;
        this.store = store;
        this.ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-" + id));
        WebSocketTerminalTransport transport = WebSocketTerminalTransport.builder(uri, token)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(250))
                .keepAlive(Duration.ofMillis(250), Duration.ofSeconds(1))
                .build();
        this.terminal = Terminal.builder(Order.class).session("bistro").terminalId(id).user("waiter " + id)
                .transport(transport).store(store).executor(ui).build();
        terminal.addListener(listener);
        terminal.start();
    }

    <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(10, TimeUnit.SECONDS);
    }

    void run(Runnable task) throws Exception {
        onUi(() -> {
            task.run();
            return null;
        });
    }

    /** The order as this terminal shows it, exported to JSON on its own thread; null if it has none. */
    ObjectNode json(String uid) throws Exception {
        return onUi(() -> {
            Order order = terminal.order(uid);
            return order == null ? null : CODEC.exportAsJson(order);
        });
    }

    /** Adds {@code count} lines with uids {@code prefix-0…} to the order, one edit each; returns their uids. */
    List<String> addLines(String orderUid, String prefix, int count) throws Exception {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uid = prefix + "-" + i;
            run(() -> terminal.edit(terminal.order(orderUid), o -> o.lines.add(new Orderline(uid, 1, BigDecimal.ONE, 1))));
            added.add(uid);
        }
        return added;
    }

    /** The uids of the order's lines as this terminal shows them; empty if it has no such order. */
    Set<String> lineUids(String orderUid) throws Exception {
        return onUi(() -> {
            Set<String> uids = new TreeSet<>();
            Order order = terminal.order(orderUid);
            if (order != null) {
                order.lines.forEach(line -> uids.add(line.uid));
            }
            return uids;
        });
    }

    /** Online with nothing left to send. */
    boolean idle() throws Exception {
        return onUi(() -> terminal.pendingMutations() == 0 && terminal.isOnline());
    }

    @Override
    public void close() {
        terminal.close();
        ui.shutdownNow();
        try {
            ui.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
