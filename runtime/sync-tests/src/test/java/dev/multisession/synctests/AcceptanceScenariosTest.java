package dev.multisession.synctests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.spi.StoredOrder;
import dev.multisession.runtime.merge.JsonValues;
import dev.multisession.runtime.protocol.Reason;
import dev.multisession.synctests.model.Customer;
import dev.multisession.synctests.model.Order;
import dev.multisession.synctests.model.Orderline;
import dev.multisession.synctests.sim.Cluster;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance scenarios of Odoo's pos_multi_session, with three terminals A, B and C, plus
 * the cases that module could not handle (concurrent edits of one order survive).
 */
class AcceptanceScenariosTest {

    private static final MultiSessionCodec<Order> CODEC = MultiSessionCodecs.forClass(Order.class);

    @Test
    void newOrderOnAAppearsIdenticalOnBAndC() {
        Cluster cluster = new Cluster(1, 3, 100);
        Cluster.Node a = cluster.node(0);

        Order order = a.terminal.newOrder(o -> {
            o.table = "T4";
            o.guests = 2;
            o.customer = new Customer("Ann", "555");
            o.lines.add(new Orderline("L1", 17, new BigDecimal("4.50"), 2));
            o.lines.add(new Orderline("L2", 23, new BigDecimal("12.00"), 1));
        });
        cluster.settle();

        assertEquals(1, a.terminal.number(order));
        for (Cluster.Node node : cluster.nodes()) {
            Order copy = node.order(order.uid);
            assertNotNull(copy, node.id);
            assertSame(order, copy);
            assertEquals(1, node.terminal.number(copy));
            assertEquals("A", node.terminal.info(copy).get("created").get("terminal").asText());
            assertEquals(0, node.terminal.pendingMutations());
        }
        assertEquals(List.of(), cluster.node(1).conflicts);
        assertEquals(List.of("added " + order.uid), cluster.node(1).events);
        assertEquals(List.of(), a.events, "no echo of A's own change");
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void aPriceKeepsItsScaleOnEveryTerminalAndAtTheHub() {
        Cluster cluster = new Cluster(1, 2, 100);
        Order order = cluster.node(0).terminal.newOrder(
                o -> o.lines.add(new Orderline("L1", 17, new BigDecimal("12.50"), 1)));
        cluster.settle();

        Order copy = cluster.node(1).order(order.uid);
        assertEquals(new BigDecimal("12.50"), copy.lines.get(0).price, "12.50 is not 12.5 on another terminal");
        List<StoredOrder> open = cluster.hubStore.openOrders(Cluster.SESSION);
        assertEquals("12.50", open.get(0).data().get("lines").get(0).get("price").toString());
    }

    @Test
    void offlineTerminalCatchesUpFromASnapshotAndItsOfflineOrderReachesEveryone() {
        Cluster cluster = new Cluster(2, 3, 3);
        Cluster.Node a = cluster.node(0);
        Cluster.Node b = cluster.node(1);
        Order order = a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 1)));
        cluster.settle();

        b.online(false);
        cluster.settle();
        a.terminal.edit(order, o -> o.note = "window seat");
        cluster.settle();
        a.terminal.edit(order, o -> o.lines.add(new Orderline("L2", 2, BigDecimal.TEN, 3)));
        for (int i = 0; i < 5; i++) { // enough changes to push B's sequence out of the hub's log
            a.terminal.edit(order, o -> o.guests++);
        }
        cluster.settle();
        Order offline = b.terminal.newOrder(o -> o.table = "T9");
        b.terminal.edit(offline, o -> o.lines.add(new Orderline("B1", 5, BigDecimal.ONE, 2)));
        cluster.settle();
        assertEquals(0, b.terminal.number(offline));

        b.online(true);
        cluster.settle();
        a.terminal.edit(order, o -> o.note = "window seat, birthday");
        cluster.settle();

        assertSame(order, b.order(order.uid));
        assertSame(b.order(offline.uid), a.order(offline.uid));
        assertEquals(2, a.terminal.number(a.order(offline.uid)));
        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(List.of(), node.conflicts, node.id);
        }
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void orderRemovedWhileBIsOfflineIsGoneOnBAfterReconnect() {
        Cluster cluster = new Cluster(3, 3, 3);
        Cluster.Node a = cluster.node(0);
        Cluster.Node b = cluster.node(1);
        Order order = a.terminal.newOrder(o -> o.table = "T1");
        Order kept = a.terminal.newOrder(o -> o.table = "T2");
        cluster.settle();

        b.online(false);
        cluster.settle();
        a.terminal.edit(order, o -> o.guests = 4);
        a.terminal.edit(order, o -> o.guests = 5);
        a.terminal.remove(order, true);
        for (int i = 0; i < 4; i++) {
            a.terminal.edit(kept, o -> o.guests++);
        }
        Order offline = b.terminal.newOrder(o -> o.table = "T7");
        cluster.settle();
        b.online(true);
        cluster.settle();

        for (Cluster.Node node : cluster.nodes()) {
            assertNull(node.order(order.uid), node.id);
            assertNotNull(node.order(offline.uid), node.id);
            assertEquals(List.of(), node.conflicts, node.id);
        }
        assertTrue(b.events.contains("removed " + order.uid), b.events.toString());
        assertTrue(cluster.node(2).events.contains("removed " + order.uid + " paid"), cluster.node(2).events.toString());
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void concurrentEditsOfOneOrderOnASlowServerAllSurvive() {
        Cluster cluster = new Cluster(4, 3, 100);
        Cluster.Node a = cluster.node(0);
        Cluster.Node b = cluster.node(1);
        Order onA = a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 1, BigDecimal.ONE, 1)));
        cluster.settle();
        Order onB = b.order(onA.uid);
        cluster.network.latency(300);

        a.terminal.edit(onA, o -> o.lines.add(new Orderline("LA", 7, BigDecimal.TEN, 1)));
        cluster.run(1);
        b.terminal.edit(onB, o -> {
            o.lines.add(new Orderline("LB", 8, BigDecimal.TEN, 2));
            o.note = "from B";
            o.lines.get(0).qty += 2;
        });
        cluster.settle();

        for (Cluster.Node node : cluster.nodes()) {
            Order copy = node.order(onA.uid);
            // both inserted after L1: the one the hub got last comes first after it, on every terminal
            assertEquals(List.of("L1", "LB", "LA"), copy.lines.stream().map(l -> l.uid).toList(), node.id);
            assertEquals(3, copy.line("L1").qty);
            assertEquals("from B", copy.note);
            assertEquals(List.of(), node.conflicts, node.id);
        }
        ObjectNode info = a.terminal.info(onA);
        assertEquals("A", info.at("/elements/lines/LA/created/terminal").asText());
        assertEquals("B", info.at("/elements/lines/LB/created/terminal").asText());
        assertEquals("B", info.at("/elements/lines/L1/changed/terminal").asText());
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void twoQuickUpdatesOnASlowConnectionRaiseNoConflict() {
        Cluster cluster = new Cluster(5, 3, 100);
        Cluster.Node a = cluster.node(0);
        cluster.network.latency(400);
        Order order = a.terminal.newOrder(o -> o.table = "T3");
        cluster.run(10);
        a.terminal.edit(order, o -> o.lines.add(new Orderline("L1", 3, BigDecimal.ONE, 1)));
        cluster.run(10);
        a.terminal.edit(order, o -> o.line("L1").qty++);
        assertEquals(2, order.line("L1").qty);
        cluster.settle();

        assertEquals(3, storedOrder(cluster, order.uid).revision());
        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(2, node.order(order.uid).line("L1").qty, node.id);
            assertEquals(List.of(), node.conflicts, node.id);
        }
        assertEquals(List.of(), a.events, "A's own changes never come back as events");
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void threeUpdatesThenARemovalOnASlowConnectionRaiseNoConflict() {
        Cluster cluster = new Cluster(6, 3, 100);
        Cluster.Node a = cluster.node(0);
        cluster.network.latency(400);
        Order order = a.terminal.newOrder(o -> o.table = "T3");
        for (int i = 0; i < 3; i++) {
            cluster.run(5);
            a.terminal.edit(order, o -> o.guests++);
        }
        a.terminal.remove(order, false);
        cluster.settle();

        for (Cluster.Node node : cluster.nodes()) {
            assertNull(node.order(order.uid), node.id);
            assertEquals(List.of(), node.conflicts, node.id);
        }
        assertTrue(storedOrder(cluster, order.uid).removed());
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void aRetriedMutationIsAppliedOnce() {
        Cluster cluster = new Cluster(7, 3, 100);
        Cluster.Node a = cluster.node(0);
        Order order = a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 3, BigDecimal.ONE, 1)));
        cluster.settle();

        a.terminal.edit(order, o -> o.line("L1").qty++);
        cluster.network.dropAll(); // the ack is lost with the connection; the mutation is sent again
        cluster.settle();
        cluster.network.dropAll();
        cluster.settle();

        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(2, node.order(order.uid).line("L1").qty, node.id);
        }
        assertEquals(2, storedOrder(cluster, order.uid).data().at("/lines/0/qty").asInt());
        assertEquals(2, storedOrder(cluster, order.uid).revision());
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void anEditOfALineRemovedElsewhereIsReportedAndTheLineStaysRemoved() {
        Cluster cluster = new Cluster(8, 3, 100);
        Cluster.Node a = cluster.node(0);
        Cluster.Node b = cluster.node(1);
        Order onA = a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 3, BigDecimal.ONE, 1)));
        cluster.settle();
        b.online(false);
        cluster.settle();
        a.terminal.edit(onA, o -> o.lines.clear());
        cluster.settle();
        b.terminal.edit(b.order(onA.uid), o -> o.line("L1").note = "no ice");

        b.online(true);
        cluster.settle();

        assertEquals(1, b.conflicts.size(), b.conflicts.toString());
        assertEquals(Reason.ELEMENT_REMOVED, b.conflicts.get(0).reason());
        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(List.of(), node.order(onA.uid).lines, node.id);
        }
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void closingTheDayDropsEveryOrderAndChangesMadeForTheOldRun() {
        Cluster cluster = new Cluster(9, 3, 100);
        Cluster.Node a = cluster.node(0);
        Cluster.Node b = cluster.node(1);
        Order order = a.terminal.newOrder(o -> o.table = "T1");
        cluster.settle();
        b.online(false);
        cluster.settle();
        b.terminal.edit(b.order(order.uid), o -> o.guests = 3);

        long run = cluster.hub().resetSession(Cluster.SESSION);
        cluster.settle();
        b.online(true);
        cluster.settle();
        Order next = a.terminal.newOrder(o -> o.table = "T1");
        cluster.settle();

        assertEquals(2, run);
        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(List.of(next.uid), node.terminal.orders().stream().map(o -> o.uid).toList(), node.id);
            assertEquals(1, node.terminal.number(node.order(next.uid)), "numbers start again");
            assertEquals(2, node.terminal.runId());
            assertEquals(0, node.terminal.pendingMutations());
        }
        assertEquals(List.of(Reason.STALE_RUN), b.conflicts.stream().map(c -> c.reason()).toList());
        assertHubEqualsTerminals(cluster);
    }

    @Test
    void aRestartedHubAndARestartedTerminalContinueExactly() {
        Cluster cluster = new Cluster(10, 3, 100);
        Cluster.Node a = cluster.node(0);
        Cluster.Node c = cluster.node(2);
        Order order = a.terminal.newOrder(o -> o.lines.add(new Orderline("L1", 3, BigDecimal.ONE, 1)));
        cluster.settle();

        cluster.restartHub();
        c.online(false);
        c.terminal.edit(c.order(order.uid), o -> o.line("L1").qty += 4);
        c.restart();
        c.online(true);
        cluster.settle();
        a.terminal.edit(a.order(order.uid), o -> o.line("L1").qty++);
        cluster.settle();

        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(6, node.order(order.uid).line("L1").qty, node.id);
        }
        assertHubEqualsTerminals(cluster);
    }

    static StoredOrder storedOrder(Cluster cluster, String uid) {
        return cluster.hubStore.everSaved().get(uid);
    }

    private static void assertSame(Order expected, Order actual) {
        assertTrue(JsonValues.same(CODEC.exportAsJson(expected), CODEC.exportAsJson(actual)),
                CODEC.exportAsJson(expected) + " vs " + CODEC.exportAsJson(actual));
    }

    /** Every terminal shows exactly the hub's open orders. */
    static void assertHubEqualsTerminals(Cluster cluster) {
        List<StoredOrder> open = cluster.hubStore.openOrders(Cluster.SESSION);
        for (Cluster.Node node : cluster.nodes()) {
            assertEquals(open.stream().map(StoredOrder::uid).sorted().toList(),
                    node.terminal.orders().stream().map(o -> o.uid).sorted().toList(), node.id);
            for (StoredOrder stored : open) {
                ObjectNode exported = CODEC.exportAsJson(node.order(stored.uid()));
                assertTrue(JsonValues.same(stored.data(), exported),
                        node.id + ": hub " + stored.data() + " vs terminal " + exported);
                assertEquals(stored.number(), node.terminal.number(node.order(stored.uid())), node.id);
            }
        }
    }
}
