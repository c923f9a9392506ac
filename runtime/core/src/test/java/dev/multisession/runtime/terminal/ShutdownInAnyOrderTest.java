package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of open / edit / close cycles of a hub and two terminals in memory, with edits and
 * network switches going on while the parts close in a different order each cycle (terminals,
 * their executors, their transports, the hub). No close may hang or throw, and no thread may die
 * of an exception.
 */
class ShutdownInAnyOrderTest {

    private static final int CYCLES = 300;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void watchThreads() {
        before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void closingInAnyOrderNeverHangsOrThrows() {
        Random random = new Random(13);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                runCycle(random);
            }
        }, "a close hung: see the thread dump of the hanging threads");
        assertEquals(List.of(), uncaught);
    }

    private void runCycle(Random random) throws Exception {
        Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
        Station a = new Station("A", hub);
        Station b = new Station("B", hub);
        a.terminal.start();
        b.terminal.start();
        Tab tab = a.terminal.newOrder(t -> t.note = "cycle");
        AtomicBoolean stop = new AtomicBoolean();
        Thread traffic = new Thread(() -> {
            Tab mine = null;
            while (!stop.get()) {
                try {
                    mine = mine == null ? b.terminal.newOrder() : mine;
                    Tab edited = mine;
                    b.terminal.edit(edited, t -> t.qty++);
                    b.transport.setOnline(random.nextInt(4) != 0);
                } catch (TerminalClosedException e) {
                    return; // the app's own call after the close: documented
                }
            }
        }, "traffic");
        traffic.start();
        for (int i = 0; i < 5; i++) {
            a.terminal.edit(tab, t -> t.qty++);
            a.transport.setOnline(i % 2 == 0);
        }
        a.transport.setOnline(true);
        a.terminal.awaitSynced(Duration.ofMillis(random.nextInt(3)));

        List<AutoCloseable> parts = new ArrayList<>(List.of(a.terminal, a.transport, a::shutdownUi, b.terminal,
                b.transport, b::shutdownUi, hub));
        Collections.shuffle(parts, random);
        try {
            for (AutoCloseable part : parts) {
                part.close();
            }
        } finally {
            stop.set(true);
            traffic.join(TimeUnit.SECONDS.toMillis(30));
        }
        a.awaitUi();
        b.awaitUi();
    }

    /** A terminal with its own UI thread and in-memory link to the hub. */
    private static final class Station {
        final ExecutorService ui;
        final InMemoryTransport transport;
        final Terminal<Tab> terminal;

        Station(String id, Hub hub) {
            ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-" + id));
            transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", id));
            terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId(id).transport(transport).executor(ui)
                    .build();
        }

        void shutdownUi() {
            ui.shutdown();
        }

        void awaitUi() throws InterruptedException {
            ui.shutdown();
            if (!ui.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the UI thread of " + terminal.terminalId() + " still runs");
            }
        }
    }
}
