package dev.multisession.sample.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.sample.restaurant.KitchenTicket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's service on a real SQLite hub and three WebSocket terminals on loopback. */
class RestaurantServiceTest {

    @TempDir
    Path folder;

    @Test
    void theTerminalsConvergeAndEveryKitchenLineIsPrintedExactlyOnce() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ServiceLog log = new ServiceLog(new PrintStream(output, true, StandardCharsets.UTF_8), Clock.systemDefaultZone());
        try (DemoRestaurant restaurant = DemoRestaurant.open(folder, log)) {
            new RestaurantService(restaurant, log, Clock.systemUTC()).play();

            Convergence result = Convergence.await(restaurant.stations(), 10_000);
            assertTrue(result.converged(), "terminals disagree: " + result);

            List<KitchenTicket> tickets = restaurant.printer().printed();
            Map<String, Long> ticketsPerLine = tickets.stream().flatMap(t -> t.items().stream())
                    .collect(Collectors.groupingBy(KitchenTicket.Item::lineUid, Collectors.counting()));
            assertTrue(ticketsPerLine.values().stream().allMatch(n -> n == 1),
                    "a line was printed more than once: " + tickets);
            Map<String, Integer> printedQty = tickets.stream().flatMap(t -> t.items().stream())
                    .collect(Collectors.groupingBy(KitchenTicket.Item::product, TreeMap::new,
                            Collectors.summingInt(KitchenTicket.Item::qty)));
            assertEquals(Map.of("Beer", 2, "Fries", 2, "Salad", 1, "Steak", 2, "Tiramisu", 1, "Wine", 3), printedQty);
            assertEquals(3, tickets.size(), "one ticket for the two simultaneous sends, one per offline send");

            List<String> open = restaurant.anna().call(() -> restaurant.anna().terminal().orders().stream()
                    .map(o -> o.getTable()).collect(Collectors.toList()));
            assertEquals(List.of("T7"), open);
        }
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("Ben       is OFFLINE")));
    }

    @Test
    void theDemoCommandEndsWithOneConvergedLineAndExitCodeZero() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = new DemoCommand(new PrintStream(output, true, StandardCharsets.UTF_8)).call();

        String[] lines = output.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(0, exit, String.join("\n", lines));
        String last = lines[lines.length - 1];
        assertTrue(last.matches("All 3 terminals converged: same orders everywhere, digest [0-9a-f]{12}"), last);
    }
}
