package dev.multisession.synctests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.terminal.Conflict;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.runtime.transport.InMemoryTransport;
import dev.multisession.synctests.model.Order;
import dev.multisession.synctests.model.Orderline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two waiters tap +1 on the same line 30 times each at the same moment, on real threads. */
class ConcurrentCounterTest {

    private final List<ExecutorService> uiThreads = new ArrayList<>();
    private final List<Terminal<Order>> terminals = new ArrayList<>();
    private final List<Conflict> conflicts = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        terminals.forEach(Terminal::close);
        uiThreads.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void sixtyConcurrentTapsAddUpEverywhereWithoutConflict() throws Exception {
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        Terminal<Order> a = terminal(hub, "A");
        Terminal<Order> b = terminal(hub, "B");
        Terminal<Order> c = terminal(hub, "C");
        Order order = onUi(0, () -> a.newOrder(o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 0))));
        await(() -> onUi(1, () -> b.order(order.uid) != null) && onUi(2, () -> c.order(order.uid) != null));

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> waiters = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int index = t;
            Terminal<Order> terminal = t == 0 ? a : b;
            waiters.add(new Thread(() -> {
                try {
                    start.await();
                    for (int tap = 0; tap < 30; tap++) {
                        onUi(index, () -> {
                            Order mine = terminal.order(order.uid);
                            terminal.edit(mine, o -> o.line("L1").qty++);
                            return null;
                        });
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        waiters.forEach(Thread::start);
        start.countDown();
        for (Thread waiter : waiters) {
            waiter.join(10_000);
        }

        await(() -> qty(a, 0) == 60 && qty(b, 1) == 60 && qty(c, 2) == 60
                && onUi(0, a::pendingMutations) == 0 && onUi(1, b::pendingMutations) == 0);
        assertEquals(60, qty(a, 0));
        assertEquals(60, qty(b, 1));
        assertEquals(60, qty(c, 2));
        assertEquals(List.of(), conflicts);
    }

    private int qty(Terminal<Order> terminal, int ui) {
        return onUi(ui, () -> {
            Order order = terminal.orders().isEmpty() ? null : terminal.orders().get(0);
            return order == null || order.line("L1") == null ? -1 : order.line("L1").qty;
        });
    }

    private Terminal<Order> terminal(Hub hub, String id) {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        uiThreads.add(ui);
        Terminal<Order> terminal = Terminal.builder(Order.class)
                .session("bistro").terminalId(id).user("waiter-" + id)
                .transport(new InMemoryTransport(hub, new TerminalIdentity("bistro", id)))
                .executor(ui)
                .build();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void conflict(Conflict conflict) {
                conflicts.add(conflict);
            }
        });
        terminals.add(terminal);
        return terminal.start();
    }

    private <T> T onUi(int index, java.util.concurrent.Callable<T> work) {
        try {
            return uiThreads.get(index).submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in time");
            Thread.sleep(5);
        }
    }
}
