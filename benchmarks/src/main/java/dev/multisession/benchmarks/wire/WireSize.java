package dev.multisession.benchmarks.wire;

import dev.multisession.benchmarks.fixture.BindingMapper;
import dev.multisession.benchmarks.fixture.RestaurantOrders;
import dev.multisession.benchmarks.support.UiThread;
import dev.multisession.runtime.codec.MultiSessionCodec;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import dev.multisession.runtime.hub.Hub;
import dev.multisession.runtime.store.memory.InMemoryHubStore;
import dev.multisession.runtime.hub.spi.TerminalIdentity;
import dev.multisession.runtime.store.memory.InMemoryTerminalStore;
import dev.multisession.runtime.terminal.Terminal;
import dev.multisession.runtime.transport.InMemoryTransport;
import dev.multisession.sample.restaurant.RestaurantOrder;
import dev.multisession.sample.restaurant.RestaurantOrderline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bytes on the wire for one quantity change, against sending the whole order as
 * pos_multi_session does. Deterministic, so a plain measurement and not a JMH benchmark: a real
 * {@link Terminal} edits a restaurant order of 10, 50 and 200 lines through a hub in this JVM,
 * and the mutation it sends (and the change the hub broadcasts) is encoded exactly as the
 * WebSocket transport sends it.
 *
 * <p>Usage: {@code WireSize [output-dir]}; prints a table and writes {@code wire-size.csv}.
 */
public final class WireSize {

    static final int[] ORDER_SIZES = {10, 50, 200};

    private WireSize() {}

    /** One row of the table. */
    record Row(int lines, int mutateBytes, int changeBytes, int wholeOrderBytes, int bindingOrderBytes) {
        double percent() {
            return 100.0 * mutateBytes / wholeOrderBytes;
        }
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int lines : ORDER_SIZES) {
            rows.add(measure(lines));
        }
        System.out.println("| order lines | mutate sent (bytes) | change broadcast (bytes) | whole order JSON (bytes) | mutate / whole order |");
        System.out.println("|---:|---:|---:|---:|---:|");
        StringBuilder csv = new StringBuilder(
                "lines,mutate_bytes,change_bytes,whole_order_bytes,data_binding_order_bytes,mutate_percent_of_order\n");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.2f %% |%n", row.lines(), row.mutateBytes(),
                    row.changeBytes(), row.wholeOrderBytes(), row.percent());
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.3f%n", row.lines(), row.mutateBytes(),
                    row.changeBytes(), row.wholeOrderBytes(), row.bindingOrderBytes(), row.percent()));
        }
        if (args.length > 0) {
            Path out = Path.of(args[0]);
            Files.createDirectories(out);
            Files.writeString(out.resolve("wire-size.csv"), csv);
        }
    }

    /** The bytes of one quantity change on the middle line of an order of {@code lines} lines. */
    static Row measure(int lines) throws InterruptedException, IOException {
        MultiSessionCodec<RestaurantOrder> codec = MultiSessionCodecs.forClass(RestaurantOrder.class);
        ExecutorService ui = UiThread.start("till-1");
        try (InMemoryHubStore store = new InMemoryHubStore();
                Hub hub = Hub.builder().store(store).build()) {
            RecordingTransport transport = new RecordingTransport(
                    new InMemoryTransport(hub, new TerminalIdentity("bistro", "till-1")));
            try (Terminal<RestaurantOrder> terminal = Terminal.builder(RestaurantOrder.class).session("bistro")
                    .terminalId("till-1").user("waiter 1").transport(transport).store(new InMemoryTerminalStore())
                    .executor(ui).build().start()) {
                awaitIdle(terminal, ui);
                RestaurantOrder template = RestaurantOrders.withLines(lines);
                RestaurantOrder order = onUi(ui, () -> terminal.newOrder(o -> copy(template, o)));
                awaitIdle(terminal, ui);
                transport.clear();
                onUi(ui, () -> {
                    terminal.edit(order, o -> o.getLines().get(lines / 2).changeQty(1));
                    return null;
                });
                awaitIdle(terminal, ui);
                List<String> sent = transport.sentMutations();
                List<String> changes = transport.receivedChanges();
                if (sent.size() != 1 || changes.size() != 1) {
                    throw new IllegalStateException("expected one mutation and one change, got " + sent + " and " + changes);
                }
                String whole = codec.exportAsJson(order).toString();
                String binding = BindingMapper.mapper().writeValueAsString(order);
                return new Row(lines, RecordingTransport.bytes(sent.get(0)), RecordingTransport.bytes(changes.get(0)),
                        whole.getBytes(StandardCharsets.UTF_8).length, binding.getBytes(StandardCharsets.UTF_8).length);
            }
        } finally {
            ui.shutdownNow();
        }
    }

    /** Copies everything but the uid (which the terminal gave the new order). */
    private static void copy(RestaurantOrder from, RestaurantOrder to) {
        to.setCreatedAt(from.getCreatedAt());
        to.setTable(from.getTable());
        to.setFloor(from.getFloor());
        to.setGuests(from.getGuests());
        to.setNote(from.getNote());
        to.setOrderNote(from.getOrderNote());
        to.setPartner(from.getPartner());
        for (RestaurantOrderline line : from.getLines()) {
            to.addLine(line);
        }
    }

    private static <T> T onUi(ExecutorService ui, java.util.concurrent.Callable<T> task) {
        return UiThread.call(ui, task);
    }

    private static void awaitIdle(Terminal<?> terminal, ExecutorService ui) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!onUi(ui, () -> terminal.isOnline() && terminal.pendingMutations() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("terminal did not settle within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
