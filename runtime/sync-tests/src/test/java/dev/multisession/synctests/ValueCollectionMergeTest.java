package dev.multisession.synctests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.SessionTx;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.merge.JsonValues;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.terminal.Conflict;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.runtime.transport.InMemoryTransport;
import dev.multisession.synctests.model.Bill;
import dev.multisession.synctests.model.CocktailRound;
import dev.multisession.synctests.model.TrackedRound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two terminals change the maps and sets of one order while both are offline; when they come back
 * every key and every value either of them touched is there, on both and at the hub.
 */
class ValueCollectionMergeTest {

    private final InMemoryHubStore hubStore = new InMemoryHubStore();
    // bound to the model, so every map and set operation also passes the hub's checks
    private final Hub hub = Hub.builder().store(hubStore).model(Bill.class).sameThread().build();
    private final List<Terminal<Bill>> terminals = new ArrayList<>();
    private final List<Conflict> conflicts = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        terminals.forEach(Terminal::close);
        hub.close();
    }

    @Test
    void concurrentChangesOfDifferentKeysAndValuesAreAllKept() throws InterruptedException {
        InMemoryTransport linkA = link("A");
        InMemoryTransport linkB = link("B");
        Terminal<Bill> a = terminal("A", linkA);
        Terminal<Bill> b = terminal("B", linkB);
        Bill onA = a.newOrder(bill -> {
            bill.notes.put("ALLERGY", "nuts");
            bill.notes.put("PAGER", "12");
            bill.tables.add(1);
            bill.tables.add(2);
            bill.drinks.put("wine", 1);
            bill.tags.add("terrace");
        });
        await(() -> b.order(onA.uid) != null);
        assertTrue(a.awaitSynced(Duration.ofSeconds(30)));
        Bill onB = b.order(onA.uid);
        linkA.setOnline(false);
        linkB.setOnline(false);

        a.edit(onA, bill -> {
            bill.notes.put("CUSTOMER_NAME", "Ann");
            bill.notes.remove("PAGER");
            bill.tables.add(5);
            bill.tables.remove(1);
            bill.drinks.merge("wine", 1, Integer::sum);
            bill.drinks.put("beer", 2);
        });
        b.edit(onB, bill -> {
            bill.notes.put("MANAGER_INSTRUCTION", "no onions");
            bill.notes.put("ALLERGY", "nuts, gluten");
            bill.tables.add(7);
            bill.drinks.merge("wine", 2, Integer::sum);
        });
        linkA.setOnline(true);
        linkB.setOnline(true);
        // both have heard both edits when neither waits for the hub and they show the same state
        await(() -> a.pendingMutations() == 0 && b.pendingMutations() == 0
                && a.lastSeq() == 3 && b.lastSeq() == 3);

        Map<String, String> notes = Map.of("ALLERGY", "nuts, gluten", "CUSTOMER_NAME", "Ann",
                "MANAGER_INSTRUCTION", "no onions");
        for (Terminal<Bill> terminal : terminals) {
            Bill bill = terminal.order(onA.uid);
            assertEquals(notes, bill.notes, terminal.terminalId());
            assertEquals(Set.of(2, 5, 7), bill.tables, terminal.terminalId());
            assertEquals(Map.of("wine", 4, "beer", 2), bill.drinks, terminal.terminalId());
            assertEquals(List.of("terrace"), bill.tags, terminal.terminalId());
            assertTrue(JsonValues.same(hubStore.inSession("bistro", SessionTx::openOrders).get(0).data(),
                    terminal.visibleState(onA.uid)), terminal.terminalId());
        }
        assertEquals(List.of(), conflicts);
    }

    @Test
    void aListOfValuesIsOneValueAndTheLastWriterWins() throws InterruptedException {
        InMemoryTransport linkA = link("A");
        InMemoryTransport linkB = link("B");
        Terminal<Bill> a = terminal("A", linkA);
        Terminal<Bill> b = terminal("B", linkB);
        Bill onA = a.newOrder(bill -> bill.tags.add("terrace"));
        await(() -> b.order(onA.uid) != null);
        assertTrue(a.awaitSynced(Duration.ofSeconds(30)));
        linkA.setOnline(false);
        linkB.setOnline(false);

        a.edit(onA, bill -> bill.tags.add("birthday"));
        b.edit(b.order(onA.uid), bill -> bill.tags.add("vip"));
        linkA.setOnline(true);
        await(() -> a.pendingMutations() == 0);
        linkB.setOnline(true);
        await(() -> b.pendingMutations() == 0 && a.order(onA.uid).tags.contains("vip"));

        assertEquals(List.of("terrace", "vip"), a.order(onA.uid).tags);
        assertEquals(List.of("terrace", "vip"), b.order(onA.uid).tags);
    }

    @Test
    void aSubclassWithSyncedFieldsOfItsOwnIsRefusedWhereItsSuperclassIsDeclared() throws InterruptedException {
        Terminal<Bill> a = terminal("A", link("A"));
        Terminal<Bill> b = terminal("B", link("B"));
        Bill bill = a.newOrder();
        assertTrue(a.awaitSynced(Duration.ofSeconds(30)));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> a.edit(bill, o -> o.rounds.add(new CocktailRound("R1", 2, "gin"))));
        assertTrue(refused.getMessage().contains("a dev.multisession.synctests.model.CocktailRound stands where a"
                + " dev.multisession.synctests.model.Round is declared, and its synced fields [spirit] would be lost"),
                refused.getMessage());
        assertEquals(0, a.pendingMutations());

        bill.rounds.clear();
        a.edit(bill, o -> o.rounds.add(new TrackedRound("R2", 3)));
        await(() -> b.order(bill.uid) != null && b.order(bill.uid).rounds.size() == 1);
        assertEquals(3, b.order(bill.uid).rounds.get(0).glasses);
    }

    private InMemoryTransport link(String terminal) {
        return new InMemoryTransport(hub, new TerminalIdentity("bistro", terminal));
    }

    private Terminal<Bill> terminal(String id, InMemoryTransport link) {
        Terminal<Bill> terminal = Terminal.builder(Bill.class).session("bistro").terminalId(id).transport(link)
                .executor(Runnable::run).build();
        terminal.addListener(new TerminalListener<>() {
            @Override
            public void conflict(Conflict conflict) {
                conflicts.add(conflict);
            }
        });
        terminals.add(terminal);
        return terminal.start();
    }

    /** Waits (generously: the machine may be loaded) until {@code condition} holds. */
    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not reached in time");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
