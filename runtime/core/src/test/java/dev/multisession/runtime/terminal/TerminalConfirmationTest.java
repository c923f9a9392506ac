package dev.multisession.runtime.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.spi.TerminalStore;
import dev.multisession.runtime.transport.InMemoryTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Edit} handles and {@link Terminal#whenSynced()} against a real hub in memory. */
class TerminalConfirmationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Hub hub = Hub.builder().store(new InMemoryHubStore()).build();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        hub.close();
    }

    @Test
    void aNewOrderIsConfirmedWithItsNumberOnTheTerminalsExecutor() throws Exception {
        Station a = station("A", new InMemoryTerminalStore());
        List<Confirmation> heard = new CopyOnWriteArrayList<>();
        a.terminal.addListener(new TerminalListener<>() {
            @Override
            public void confirmed(Confirmation confirmation) {
                heard.add(confirmation);
            }
        });
        a.terminal.start();

        // the callback is attached in the same UI task that makes the change, so before any answer
        CompletableFuture<Thread> completedOn = new CompletableFuture<>();
        Edit<Tab> created = onUi(a, () -> {
            Edit<Tab> edit = a.terminal.create(t -> t.note = "table 4");
            edit.confirmation().thenRun(() -> completedOn.complete(Thread.currentThread()));
            return edit;
        });
        // first the probe: a thread waiting in get() may itself run callbacks that become due
        Thread ranOn = completedOn.get(10, TimeUnit.SECONDS);
        Confirmation confirmation = created.await(WAIT);

        assertEquals(created.order().uid, confirmation.order());
        assertEquals(1, confirmation.number());
        assertTrue(confirmation.revision() >= 1);
        assertTrue(confirmation.isComplete());
        assertTrue(created.isConfirmed());
        assertEquals(a.uiThread, ranOn);
        assertEquals(List.of(confirmation), heard);

        Edit<Tab> edited = onUi(a, () -> a.terminal.edit(created.order(), t -> t.qty += 3));
        Confirmation second = edited.await(WAIT);
        assertTrue(second.revision() > confirmation.revision());
        assertEquals(1, second.number());
        assertTrue(second.mutationId() > confirmation.mutationId());
    }

    @Test
    void anOfflineEditIsConfirmedOnceTheTerminalIsBack() throws Exception {
        Station a = station("A", new InMemoryTerminalStore());
        a.transport.setOnline(false);
        a.terminal.start();

        Edit<Tab> created = onUi(a, () -> a.terminal.create(t -> t.note = "offline"));
        assertFalse(a.terminal.awaitSynced(Duration.ofMillis(50)), "offline is not in sync");
        assertFalse(created.isConfirmed());
        assertEquals(new SyncStatus(false, false, 1, 0, null), a.terminal.status(), "never connected: no error yet");

        a.transport.setOnline(true);
        assertEquals(1, created.await(WAIT).number());
        assertTrue(a.terminal.awaitSynced(WAIT));
        SyncStatus synced = a.terminal.status();
        assertEquals(new SyncStatus(true, true, 0, synced.lastSeq(), null), synced);

        a.transport.setOnline(false);
        waitFor(() -> !a.terminal.status().online());
        assertEquals(new SyncStatus(false, false, 0, synced.lastSeq(), "offline"), a.terminal.status());
    }

    @Test
    void anEditOfAnOrderPaidElsewhereIsRefused() throws Exception {
        Station a = station("A", new InMemoryTerminalStore());
        Station b = station("B", new InMemoryTerminalStore());
        a.terminal.start();
        b.terminal.start();
        Edit<Tab> created = onUi(a, () -> a.terminal.create(t -> t.note = "table 9"));
        created.await(WAIT);
        // B is in sync with what the hub told it, which need not include the change yet
        waitFor(() -> b.terminal.order(created.order().uid) != null);
        Tab onB = onUi(b, () -> b.terminal.order(created.order().uid));

        b.transport.setOnline(false);
        Edit<Tab> late = onUi(b, () -> b.terminal.edit(onB, t -> t.note = "one more coffee"));
        onUi(a, () -> a.terminal.remove(created.order(), true)).await(WAIT);
        b.transport.setOnline(true);

        EditRefusedException refused = assertThrows(EditRefusedException.class, () -> late.await(WAIT));
        assertEquals(Reason.ORDER_REMOVED, refused.conflict().reason());
        assertEquals(created.order().uid, refused.conflict().order());
        CompletionException viaStage = assertThrows(CompletionException.class,
                () -> late.confirmation().toCompletableFuture().join());
        assertInstanceOf(EditRefusedException.class, viaStage.getCause());
        assertTrue(b.terminal.awaitSynced(WAIT));
    }

    @Test
    void anEditThatChangedNothingWaitsForTheOrdersPendingChange() throws Exception {
        Station a = station("A", new InMemoryTerminalStore());
        a.transport.setOnline(false);
        a.terminal.start();
        Edit<Tab> created = onUi(a, () -> a.terminal.create(t -> t.note = "table 2"));
        Edit<Tab> nothing = onUi(a, () -> a.terminal.edit(created.order(), t -> {}));
        assertFalse(nothing.isConfirmed());

        a.transport.setOnline(true);
        assertEquals(created.await(WAIT), nothing.await(WAIT));
        Edit<Tab> nothingNow = onUi(a, () -> a.terminal.edit(created.order(), t -> {}));
        assertTrue(nothingNow.isConfirmed());
        assertEquals(1, nothingNow.await(WAIT).number());
    }

    @Test
    void closingFailsTheWaitsAndTheNextTerminalOnTheStoreHearsTheConfirmation() throws Exception {
        TerminalStore store = new InMemoryTerminalStore();
        Station first = station("A", store);
        first.transport.setOnline(false);
        first.terminal.start();
        Edit<Tab> created = onUi(first, () -> first.terminal.create(t -> t.note = "before the crash"));
        CompletableFuture<Void> synced = first.terminal.whenSynced().toCompletableFuture();
        first.terminal.close();

        assertThrows(TerminalClosedException.class, () -> created.await(WAIT));
        CompletionException closed = assertThrows(CompletionException.class, synced::join);
        assertInstanceOf(TerminalClosedException.class, closed.getCause());
        assertThrows(TerminalClosedException.class, () -> first.terminal.newOrder());
        assertThrows(TerminalClosedException.class, () -> first.terminal.awaitSynced(WAIT));

        Station second = station("A", store);
        List<Confirmation> heard = new CopyOnWriteArrayList<>();
        second.terminal.addListener(new TerminalListener<>() {
            @Override
            public void confirmed(Confirmation confirmation) {
                heard.add(confirmation);
            }
        });
        second.terminal.start();
        assertTrue(second.terminal.awaitSynced(WAIT));
        assertEquals(1, heard.size());
        assertEquals(created.order().uid, heard.get(0).order());
        assertEquals(1, heard.get(0).number());
    }

    // ---------------------------------------------------------------- set-up

    private record Station(Terminal<Tab> terminal, InMemoryTransport transport, ExecutorService ui, Thread uiThread) {}

    private Station station(String id, TerminalStore store) throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui-" + id));
        Thread uiThread = ui.submit(Thread::currentThread).get();
        InMemoryTransport transport = new InMemoryTransport(hub, new TerminalIdentity("bistro", id));
        Terminal<Tab> terminal = Terminal.builder(Tab.CODEC).session("bistro").terminalId(id).transport(transport)
                .store(store).executor(ui).build();
        opened.add(ui::shutdownNow);
        opened.add(transport);
        opened.add(terminal);
        return new Station(terminal, transport, ui, uiThread);
    }

    /** Waits for a condition the terminal's executor brings about. */
    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(5);
        }
    }

    /** Runs app code on the terminal's executor, as an app does, and returns its result. */
    private static <T> T onUi(Station station, java.util.concurrent.Callable<T> action) throws Exception {
        return station.ui.submit(action).get(10, TimeUnit.SECONDS);
    }
}
