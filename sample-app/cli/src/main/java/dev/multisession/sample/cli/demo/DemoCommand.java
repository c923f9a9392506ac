package dev.multisession.sample.cli.demo;

import dev.multisession.sample.cli.view.SideBySide;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: plays a restaurant service on a hub and three terminals and checks they agree. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a hub on a SQLite file in a temporary folder and three terminals (two waiters and the",
            "kitchen screen) over WebSocket on loopback, plays a service, and checks that every terminal",
            "ends with the same orders. Exits with 1 if they do not."
        })
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--keep", description = "Keep the temporary folder with the hub's and terminals' SQLite files.")
    private boolean keep;

    private final PrintStream out;

    /** A demo that writes to standard output. */
    public DemoCommand() {
        this(System.out);
    }

    /** A demo that writes to {@code out} (for tests). */
    public DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Path folder = temporaryFolder();
        ServiceLog log = new ServiceLog(out, Clock.systemDefaultZone());
        Convergence result;
        try (DemoRestaurant restaurant = DemoRestaurant.open(folder, log)) {
            out.printf("Hub on ws://127.0.0.1:%d/ws over SQLite in %s; session '%s'%n", restaurant.port(), folder,
                    DemoRestaurant.SESSION);
            new RestaurantService(restaurant, log, Clock.systemUTC()).play();
            result = Convergence.await(restaurant.stations(), 10_000);
            printFinalView(restaurant);
            out.printf("Kitchen tickets printed: %d%n", restaurant.printer().printed().size());
        } catch (IllegalStateException e) {
            out.println("DEMO FAILED: " + e.getMessage());
            return 1;
        } finally {
            if (!keep) {
                deleteQuietly(folder);
            }
        }
        if (result.converged()) {
            out.printf("All %d terminals converged: same orders everywhere, digest %s%n", result.digests().size(),
                    result.digest());
            return 0;
        }
        out.printf("Terminals did NOT converge (settled: %s): %s%n", result.settled(), result.digests());
        return 1;
    }

    private void printFinalView(DemoRestaurant restaurant) {
        List<String> titles = new ArrayList<>();
        List<List<String>> columns = new ArrayList<>();
        for (Station station : restaurant.stations()) {
            titles.add(station.name());
            columns.add(station.view());
        }
        out.println();
        out.println("== What each terminal shows at closing time");
        SideBySide.layout(titles, columns).forEach(out::println);
        out.println();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("multisession-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the demo's SQLite files", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // The folder is in the system's temporary area; leaving it behind does no harm.
        }
    }
}
