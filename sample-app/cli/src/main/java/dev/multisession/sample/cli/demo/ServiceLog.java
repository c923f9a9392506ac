package dev.multisession.sample.cli.demo;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's running commentary: one timestamped line per event, naming who did or received
 * what. Written from the terminals' threads as well as the script's, so lines are serialised.
 */
public final class ServiceLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final PrintStream out;
    private final Clock clock;
    private final List<String> lines = new ArrayList<>();

    public ServiceLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Logs what {@code who} did or received. */
    public synchronized void event(String who, String what) {
        String line = String.format("%s  %-9s %s", LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(TIME),
                who, what);
        lines.add(line);
        out.println(line);
    }

    /** A heading between the acts of the service. */
    public synchronized void act(String title) {
        lines.add("");
        lines.add("== " + title);
        out.println();
        out.println("== " + title);
    }

    /** Every line logged so far. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
