package dev.multisession.synctests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.InMemoryTransport;
import dev.multisession.synctests.model.Check;
import dev.multisession.synctests.model.Order;
import dev.multisession.synctests.model.Orderline;
import dev.multisession.synctests.model.Tab;
import dev.multisession.synctests.model.Ticket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ids of orders and of their elements: the terminal makes order ids of the id field's own type
 * that cannot collide across terminals, and refuses to send an element without an id, which
 * would otherwise be merged away.
 */
class OrderIdsTest {

    private final InMemoryHubStore hubStore = new InMemoryHubStore();
    private final Hub hub = Hub.builder().store(hubStore).sameThread().build();
    private final List<Terminal<?>> terminals = new ArrayList<>();

    @AfterEach
    void close() {
        terminals.forEach(Terminal::close);
        hub.close();
    }

    @Test
    void twoLinesWithoutIdsAddedOnTwoTerminalsAreRefusedInsteadOfMergedIntoOne() throws InterruptedException {
        InMemoryTransport linkA = link("A");
        InMemoryTransport linkB = link("B");
        Terminal<Order> a = terminal(Order.class, "A", linkA, b -> b);
        Terminal<Order> b = terminal(Order.class, "B", linkB, builder -> builder);
        Order onA = a.newOrder(o -> o.table = "T1");
        Order onB = await(() -> b.order(onA.uid));
        assertTrue(a.awaitSynced(Duration.ofSeconds(30)));
        linkA.setOnline(false);
        linkB.setOnline(false);

        IllegalArgumentException refusedA = assertThrows(IllegalArgumentException.class,
                () -> a.edit(onA, o -> o.lines.add(new Orderline(null, 7, BigDecimal.ONE, 1))));
        IllegalArgumentException refusedB = assertThrows(IllegalArgumentException.class,
                () -> b.edit(onB, o -> o.lines.add(new Orderline(null, 8, BigDecimal.TEN, 1))));

        assertTrue(refusedA.getMessage().contains("element 0 of 'lines' has no id"), refusedA.getMessage());
        assertTrue(refusedB.getMessage().contains("nothing was sent"), refusedB.getMessage());
        assertEquals(0, a.pendingMutations());
        assertEquals(0, b.pendingMutations());
        assertTrue(a.visibleState(onA.uid).path("lines").isEmpty());

        a.edit(onA, o -> o.lines.get(0).uid = "LA");
        b.edit(onB, o -> o.lines.get(0).uid = "LB");
        linkA.setOnline(true);
        linkB.setOnline(true);
        for (Terminal<Order> terminal : List.of(a, b)) {
            await(() -> uids(terminal.order(onA.uid)).size() == 2 ? true : null);
            assertEquals(Set.of("LA", "LB"), uids(terminal.order(onA.uid)), terminal.terminalId());
        }
    }

    @Test
    void twoLinesSharingAnIdAreRefused() {
        Terminal<Order> a = terminal(Order.class, "A", link("A"), b -> b);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> a.newOrder(o -> {
            o.lines.add(new Orderline("L1", 7, BigDecimal.ONE, 1));
            o.lines.add(new Orderline("L1", 8, BigDecimal.ONE, 1));
        }));

        assertTrue(refused.getMessage().contains("elements of 'lines' share the id \"L1\""), refused.getMessage());
        assertEquals(List.of(), a.orders());
        assertEquals(0, a.pendingMutations());
    }

    @Test
    void anOrdersIdCannotBeChangedOrCleared() throws InterruptedException {
        Terminal<Order> a = terminal(Order.class, "A", link("A"), b -> b);
        Order order = a.newOrder();
        String uid = order.uid;

        IllegalArgumentException cleared = assertThrows(IllegalArgumentException.class, () -> a.edit(order, o -> {
            o.uid = null;
            o.note = "lost?";
        }));
        assertTrue(cleared.getMessage().contains("'uid' was cleared"), cleared.getMessage());
        order.uid = uid;
        IllegalArgumentException changed = assertThrows(IllegalArgumentException.class,
                () -> a.edit(order, o -> o.uid = "other"));
        assertTrue(changed.getMessage().contains("changed from " + uid + " to other"), changed.getMessage());
        assertTrue(a.awaitSynced(Duration.ofSeconds(30)));
        assertEquals(uid, hubStore.inSession("bistro", dev.multisession.runtime.hub.spi.SessionTx::openOrders).get(0).uid());
        assertEquals(0, a.pendingMutations());
    }

    @Test
    void longIdsCarryTheTerminalNumberAndNeverCollide() {
        Terminal<Ticket> a = terminal(Ticket.class, "A", link("A"), b -> b.terminalNumber(1));
        Terminal<Ticket> b = terminal(Ticket.class, "B", link("B"), builder -> builder.terminalNumber(2));
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(a.newOrder(t -> t.table = "A").id);
            ids.add(b.newOrder(t -> t.table = "B").id);
        }

        assertEquals(100, ids.size());
        for (Ticket ticket : a.orders()) {
            assertEquals("A".equals(ticket.table) ? 1 : 2, ticket.id >>> 43, ticket.table);
            assertTrue(ticket.id < 1L << 53, "exact in JavaScript: " + ticket.id);
        }
        await(() -> b.orders().size() == 100 ? true : null);
        for (Ticket ticket : a.orders()) {
            assertEquals(ticket.table, b.order(String.valueOf(ticket.id)).table);
        }
    }

    @Test
    void longIdsMadeAfterARestartLieAboveTheOnesMadeBefore() {
        InMemoryTerminalStore store = new InMemoryTerminalStore();
        Terminal<Ticket> before = terminal(Ticket.class, "A", link("A"), b -> b.terminalNumber(3).store(store));
        long highest = 0;
        for (int i = 0; i < 20; i++) {
            highest = Math.max(highest, before.newOrder().id);
        }
        before.close();

        Terminal<Ticket> after = terminal(Ticket.class, "A", link("A"), b -> b.terminalNumber(3).store(store));

        assertTrue(after.newOrder().id > highest);
        assertEquals(21, after.orders().size());
    }

    @Test
    void aLongIdWithoutATerminalNumberIsRefusedWhenAnOrderIsCreated() {
        Terminal<Ticket> a = terminal(Ticket.class, "A", link("A"), b -> b);
        IllegalStateException refused = assertThrows(IllegalStateException.class, a::newOrder);

        assertTrue(refused.getMessage().contains("long/Long @MultiSessionId: call .terminalNumber(n)"),
                refused.getMessage());
        assertEquals(List.of(), a.orders());
        assertEquals(0, a.pendingMutations());
    }

    @Test
    void anIntegerIdIsTheApplicationsToGive() {
        Terminal<Check> kitchen = terminal(Check.class, "K", link("K"), b -> b);
        IllegalStateException refused = assertThrows(IllegalStateException.class, kitchen::newOrder);
        assertTrue(refused.getMessage().contains("int/Integer @MultiSessionId, and 32 bits cannot hold"),
                refused.getMessage());

        int[] next = {40};
        Terminal<Check> a = terminal(Check.class, "A", link("A"), b -> b.orderIds(() -> String.valueOf(++next[0])));
        Check check = a.newOrder(c -> c.table = "T3");

        assertEquals(41, check.id);
        Check onKitchen = await(() -> kitchen.order("41"));
        assertEquals("T3", onKitchen.table);
        assertEquals(41, onKitchen.id);
    }

    @Test
    void uuidIdsAreUuids() {
        Terminal<Tab> a = terminal(Tab.class, "A", link("A"), b -> b);
        Terminal<Tab> b = terminal(Tab.class, "B", link("B"), builder -> builder);
        Tab tab = a.newOrder(t -> t.table = "T9");

        UUID id = tab.id;
        assertNotNull(id);
        assertNotEquals(a.newOrder().id, id);
        assertEquals("T9", await(() -> b.order(id.toString())).table);
    }

    private InMemoryTransport link(String terminal) {
        return new InMemoryTransport(hub, new TerminalIdentity("bistro", terminal));
    }

    private <O> Terminal<O> terminal(Class<O> type, String id, InMemoryTransport link,
            UnaryOperator<Terminal.Builder<O>> settings) {
        Terminal.Builder<O> builder = Terminal.builder(type).session("bistro").terminalId(id).transport(link)
                .executor(Runnable::run);
        Terminal<O> terminal = settings.apply(builder).build();
        terminals.add(terminal);
        return terminal.start();
    }

    /** Waits (generously: the machine may be loaded) until {@code value} gives non-null, and returns it. */
    private static <T> T await(Supplier<T> value) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        T result;
        while ((result = value.get()) == null) {
            assertTrue(System.nanoTime() < deadline, "not reached in time");
            Thread.onSpinWait();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return result;
    }

    private static Set<String> uids(Order order) {
        Set<String> uids = new HashSet<>();
        order.lines.forEach(line -> uids.add(line.uid));
        return uids;
    }
}
