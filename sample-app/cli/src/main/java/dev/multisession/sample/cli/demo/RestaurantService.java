package dev.multisession.sample.cli.demo;

import dev.multisession.runtime.terminal.Confirmation;
import dev.multisession.runtime.terminal.Edit;
import dev.multisession.runtime.terminal.EditRefusedException;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.sample.cli.view.OrderText;
import dev.multisession.sample.restaurant.KitchenState;
import dev.multisession.sample.restaurant.RestaurantOrder;
import dev.multisession.sample.restaurant.RestaurantOrderline;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The service the demo plays: a table is opened, both waiters add to it, both tap +1 on the same
 * line and press "send" at the same moment, the kitchen prints, one waiter works offline and
 * comes back, and the bill is split and paid. Each step waits until the others have seen it.
 */
public final class RestaurantService {

    private static final long STEP_TIMEOUT_MILLIS = 10_000;

    private final DemoRestaurant restaurant;
    private final ServiceLog log;
    private final Clock clock;

    public RestaurantService(DemoRestaurant restaurant, ServiceLog log, Clock clock) {
        this.restaurant = restaurant;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Plays the whole service.
     *
     * @throws IllegalStateException if a step was not seen by the other stations within 10 seconds
     */
    public void play() {
        Station anna = restaurant.anna();
        Station ben = restaurant.ben();
        Station kitchen = restaurant.kitchen();

        log.act("Opening: two waiters' tablets and the kitchen screen connect to the hub");
        awaitThat("every station is online", () -> restaurant.stations().stream().allMatch(Station::settled));

        log.act("1. Anna seats table T4");
        anna.does("opens table T4 on the Terrace for 3 guests: 2 x Steak, 1 x Wine");
        anna.run(t -> t.newOrder(o -> {
            o.setTable("T4");
            o.setFloor("Terrace");
            o.setGuests(3);
            o.setCreatedAt(clock.instant());
            o.addProduct("Steak", price("24.00"), 2);
            o.addProduct("Wine", price("7.50"), 1);
        }));
        awaitThat("Ben and the kitchen see T4", () -> ben.orderAt("T4") != null && kitchen.orderAt("T4") != null);

        log.act("2. Both waiters work on T4");
        ben.does("adds 1 x Salad (for the cook: no onions) and 2 x Fries");
        edit(ben, "T4", o -> {
            o.addProduct("Salad", price("9.50"), 1).setKitchenNote("no onions");
            o.addProduct("Fries", price("4.00"), 2);
        });
        anna.does("writes the order note 'nut allergy'");
        edit(anna, "T4", o -> o.setOrderNote("nut allergy"));
        awaitThat("both waiters see 4 lines and the note", () -> everywhere(o -> o.getLines().size() == 4
                && "nut allergy".equals(o.getOrderNote()), "T4", anna, ben, kitchen));

        log.act("3. Both waiters tap +1 on the Wine at the same moment");
        anna.does("taps +1 on Wine");
        ben.does("taps +1 on Wine");
        atTheSameMoment(anna, ben, o -> line(o, "Wine").changeQty(1));
        awaitThat("the Wine is 3 everywhere (1 + 1 + 1, no tap lost)",
                () -> everywhere(o -> line(o, "Wine").getQty() == 3, "T4", anna, ben, kitchen));

        log.act("4. Both waiters press 'send to kitchen' at the same moment");
        anna.does("presses send for T4");
        ben.does("presses send for T4");
        atTheSameMoment(anna, ben, RestaurantOrder::fire);
        awaitThat("every line of T4 is marked sent everywhere", () -> everywhere(o -> o.getLines().stream()
                .allMatch(l -> l.getKitchenState() == KitchenState.SENT && !l.awaitsKitchen()), "T4", anna, ben, kitchen));

        log.act("5. Ben's tablet drops off the Wi-Fi; he keeps working");
        ben.unplug();
        awaitThat("Ben is offline", () -> !ben.call(() -> ben.terminal().isOnline()));
        ben.does("adds 1 x Tiramisu to T4 and presses send");
        edit(ben, "T4", o -> {
            o.addProduct("Tiramisu", price("6.50"), 1);
            o.fire();
        });
        ben.does("seats table T7 in the Main room for 2 guests: 2 x Beer, and presses send");
        ben.run(t -> t.newOrder(o -> {
            o.setTable("T7");
            o.setFloor("Main room");
            o.setGuests(2);
            o.setCreatedAt(clock.instant());
            o.addProduct("Beer", price("5.00"), 2);
            o.fire();
        }));
        anna.does("changes T4 to 4 guests");
        edit(anna, "T4", o -> o.setGuests(4));
        ben.does("has " + ben.call(() -> ben.terminal().pendingMutations()) + " changes waiting in his outbox");

        log.act("6. Ben is back online");
        ben.plug();
        awaitThat("Ben's changes reached everyone", () -> ben.settled()
                && everywhere(o -> o.getLines().size() == 5 && o.getGuests() == 4, "T4", anna, ben, kitchen)
                && anna.orderAt("T7") != null && kitchen.orderAt("T7") != null);
        awaitThat("the kitchen printed Ben's offline tickets", () -> everywhere(o -> o.getLines().stream()
                .noneMatch(RestaurantOrderline::awaitsKitchen), "T7", anna, ben, kitchen)
                && everywhere(o -> !line(o, "Tiramisu").awaitsKitchen(), "T4", anna, ben, kitchen));

        log.act("7. T4 splits the bill and pays; T7 stays open");
        anna.does("moves the Salad to its own bill T4/2 and takes its payment");
        Edit<RestaurantOrder> splitPayment = anna.call(() -> {
            Terminal<RestaurantOrder> t = anna.terminal();
            RestaurantOrder t4 = find(t.orders(), "T4");
            RestaurantOrderline salad = line(t4, "Salad");
            RestaurantOrder split = t.newOrder(o -> {
                o.setTable("T4/2");
                o.setFloor(t4.getFloor());
                o.setGuests(1);
                o.setCreatedAt(clock.instant());
                o.addLine(salad.copyForSplit());
            });
            t.edit(t4, o -> o.removeLine(salad.getUid()));
            return t.remove(split, true);
        });
        printReceipt(anna, "T4/2", splitPayment);
        awaitThat("everyone sees the Salad gone from T4", () -> everywhere(o -> o.getLines().size() == 4,
                "T4", anna, ben, kitchen));
        RestaurantOrder t4 = ben.orderAt("T4");
        ben.does("takes the payment for T4: " + OrderText.money(ben.call(t4::total)));
        printReceipt(ben, "T4", ben.call(() -> ben.terminal().remove(t4, true)));
        awaitThat("T4 is closed everywhere", () -> restaurant.stations().stream()
                .allMatch(s -> s.orderAt("T4") == null && s.orderAt("T4/2") == null));
    }

    /**
     * Prints a receipt only once the hub confirmed the payment: before that, another terminal's
     * change could still be refused against it, or the payment itself refused.
     */
    private void printReceipt(Station station, String table, Edit<RestaurantOrder> payment) {
        station.does("waits for the hub to confirm the payment of " + table + " before printing the receipt");
        try {
            Confirmation confirmed = payment.await(java.time.Duration.ofMillis(STEP_TIMEOUT_MILLIS));
            station.does("prints the receipt of " + table + ": order " + OrderText.label(confirmed.number())
                    + ", confirmed by the hub at revision " + confirmed.revision());
        } catch (EditRefusedException refused) {
            station.does("prints no receipt for " + table + ": the hub refused the payment ("
                    + refused.conflict().reason() + ")");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the demo stalled: the hub did not confirm the payment of " + table
                    + " within " + STEP_TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the payment of " + table, e);
        }
    }

    private void edit(Station station, String table, Consumer<RestaurantOrder> change) {
        station.run(t -> t.edit(find(t.orders(), table), change));
    }

    /** Lets two stations make the same edit released by one signal, as two people tapping at once. */
    private void atTheSameMoment(Station first, Station second, Consumer<RestaurantOrder> change) {
        CountDownLatch go = new CountDownLatch(1);
        // Threads of their own: each blocks until its station has made the edit.
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> first.run(t -> {
            awaitQuietly(go);
            t.edit(find(t.orders(), "T4"), change);
        }), task -> new Thread(task, "tap-" + first.name()).start());
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> second.run(t -> {
            awaitQuietly(go);
            t.edit(find(t.orders(), "T4"), change);
        }), task -> new Thread(task, "tap-" + second.name()).start());
        go.countDown();
        CompletableFuture.allOf(a, b).join();
    }

    private static boolean everywhere(java.util.function.Predicate<RestaurantOrder> test, String table,
            Station... stations) {
        for (Station station : stations) {
            Boolean holds = station.call(() -> {
                RestaurantOrder order = find(station.terminal().orders(), table);
                try {
                    return order != null && test.test(order);
                } catch (IllegalStateException notYet) {
                    return false; // a line the test looks for has not arrived yet
                }
            });
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private void awaitThat(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the demo stalled: after " + STEP_TIMEOUT_MILLIS / 1000
                        + " s, still waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
        log.event("", "(" + what + ")");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RestaurantOrder find(List<RestaurantOrder> orders, String table) {
        return orders.stream().filter(o -> table.equals(o.getTable())).findFirst().orElse(null);
    }

    private static RestaurantOrderline line(RestaurantOrder order, String product) {
        return order.getLines().stream().filter(l -> product.equals(l.getProduct())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + product + " on table " + order.getTable()));
    }

    private static BigDecimal price(String amount) {
        return new BigDecimal(amount);
    }
}
