package dev.multisession.sample.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.terminal.Conflict;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.terminal.TerminalListener;
import dev.multisession.sample.cli.view.OrderText;
import dev.multisession.sample.restaurant.RestaurantOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One device of the demo: a terminal, the single thread its orders live on (its "UI thread"),
 * and its network cable. Everything that touches the device's orders runs on that thread.
 */
public final class Station implements AutoCloseable {

    private static final MultiSessionCodec<RestaurantOrder> CODEC = MultiSessionCodecs.forClass(RestaurantOrder.class);

    private final String name;
    private final ExecutorService thread;
    private final UnpluggableTransport cable;
    private final ServiceLog log;
    private Terminal<RestaurantOrder> terminal;

    Station(String name, UnpluggableTransport cable, ServiceLog log) {
        this.name = name;
        this.cable = cable;
        this.log = log;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "station-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects the station's terminal, logging what it receives from the others. */
    void start(Terminal.Builder<RestaurantOrder> builder, TerminalListener<RestaurantOrder> extra) {
        terminal = builder.transport(cable).executor(thread).build();
        terminal.addListener(new ReceivedLog());
        if (extra != null) {
            terminal.addListener(extra);
        }
        terminal.start();
    }

    /** The station's name, as it appears in the log. */
    public String name() {
        return name;
    }

    /** The station's terminal; call it only from {@link #run} or {@link #call}. */
    public Terminal<RestaurantOrder> terminal() {
        return terminal;
    }

    /** Logs what the station's user does. */
    public void does(String what) {
        log.event(name, what);
    }

    /** Runs {@code work} on the station's thread and waits for it. */
    public void run(Consumer<Terminal<RestaurantOrder>> work) {
        call(() -> {
            work.accept(terminal);
            return null;
        });
    }

    /** Runs {@code work} on the station's thread and returns its result. */
    public <T> T call(Callable<T> work) {
        Future<T> result = thread.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " was working", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Schedules {@code work} on the station's thread without waiting (used from listeners). */
    void later(Runnable work) {
        thread.execute(work);
    }

    /** The order open at {@code table} on this station, or null. */
    public RestaurantOrder orderAt(String table) {
        return call(() -> terminal.orders().stream().filter(o -> table.equals(o.getTable())).findFirst().orElse(null));
    }

    /** This station's orders as exported JSON with their hub numbers, for comparing stations. */
    public List<JsonNode> state() {
        return call(() -> {
            List<JsonNode> orders = new ArrayList<>();
            for (RestaurantOrder order : terminal.orders()) {
                ObjectNode json = CODEC.exportAsJson(order);
                json.put("number", terminal.number(order));
                orders.add(json);
            }
            return orders;
        });
    }

    /** Whether the station is online with nothing left to send. */
    public boolean settled() {
        return call(() -> terminal.isOnline() && terminal.pendingMutations() == 0);
    }

    /** This station's orders as text, one block per order. */
    public List<String> view() {
        return call(() -> {
            List<String> text = new ArrayList<>();
            for (RestaurantOrder order : terminal.orders()) {
                text.addAll(OrderText.render(terminal.number(order), order));
            }
            if (text.isEmpty()) {
                text.add("(no open orders)");
            }
            return text;
        });
    }

    /** Takes the station off the network; its terminal keeps working offline. */
    public void unplug() {
        cable.unplug();
    }

    /** Puts the station back on the network. */
    public void plug() {
        cable.plug();
    }

    @Override
    public void close() {
        if (terminal != null) {
            terminal.close();
        }
        thread.shutdown();
    }

    /** Logs what the station received from the other terminals. */
    private final class ReceivedLog implements TerminalListener<RestaurantOrder> {
        @Override
        public void orderAdded(RestaurantOrder order) {
            log.event(name, "<- new order " + describe(order));
        }

        @Override
        public void orderUpdated(RestaurantOrder order, Set<String> changedKeys) {
            log.event(name, "<- " + describe(order) + " changed " + String.join(", ", changedKeys));
        }

        @Override
        public void orderRemoved(RestaurantOrder order, boolean finalized) {
            log.event(name, "<- order at table " + order.getTable() + (finalized ? " was paid" : " was dropped"));
        }

        @Override
        public void conflict(Conflict conflict) {
            log.event(name, "!! the hub refused a change (" + conflict.reason() + "): " + conflict.message());
        }

        @Override
        public void connectionChanged(boolean online) {
            log.event(name, online ? "is online and caught up with the hub" : "is OFFLINE, working on its own");
        }

        private String describe(RestaurantOrder order) {
            return OrderText.header(terminal.number(order), order);
        }
    }
}
