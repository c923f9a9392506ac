package dev.multisession.benchmarks.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws the report's charts from the CSV files the measurements wrote: hub throughput and
 * latency against the number of terminals (one series per store found), and bytes sent
 * against the order's size.
 *
 * <p>Usage: {@code Charts <results-dir>} (run with {@code -Djava.awt.headless=true}).
 */
public final class Charts {

    private Charts() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        Map<String, List<Map<String, String>>> load = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path csv : files.filter(p -> p.getFileName().toString().matches("load-.*\\.csv")).sorted().toList()) {
                List<Map<String, String>> rows = read(csv);
                if (!rows.isEmpty()) {
                    String store = rows.get(0).get("store").equals("sqlite") ? "SQLite" : "PostgreSQL";
                    load.put(store + " @ " + rows.get(0).get("target_ops_s") + " ops/s", rows);
                }
            }
        }
        if (!load.isEmpty()) {
            LineChart throughput = new LineChart("Hub throughput vs terminals", "terminals", "accepted operations / s")
                    .logX();
            LineChart latency = new LineChart("End-to-end latency vs terminals", "terminals", "latency (ms)").logX().logY();
            for (Map.Entry<String, List<Map<String, String>>> entry : load.entrySet()) {
                List<Map<String, String>> rows = entry.getValue();
                double[] terminals = column(rows, "terminals");
                throughput.series(entry.getKey() + " offered: accepted", terminals, column(rows, "accepted_ops_s"));
                // Steps where no edit arrived within the run (an overloaded hub) have no latency to draw.
                List<Map<String, String>> measured = rows.stream().filter(r -> !r.get("samples").equals("0")).toList();
                if (!measured.isEmpty()) {
                    double[] at = column(measured, "terminals");
                    latency.series(entry.getKey() + " p50", at, column(measured, "p50_ms"));
                    latency.series(entry.getKey() + " p99", at, column(measured, "p99_ms"));
                }
            }
            throughput.target("target: 5,000 ops/s at 20 terminals (SQLite)", 5000);
            latency.target("target: p99 < 50 ms", 50);
            throughput.write(dir.resolve("hub-throughput.png"));
            latency.write(dir.resolve("hub-latency.png"));
        }
        Path wire = dir.resolve("wire-size.csv");
        if (Files.exists(wire)) {
            List<Map<String, String>> rows = read(wire);
            double[] lines = column(rows, "lines");
            new LineChart("Bytes sent for one quantity change", "lines in the order", "bytes").logY()
                    .series("whole order JSON (pos_multi_session)", lines, column(rows, "whole_order_bytes"))
                    .series("multisession mutate", lines, column(rows, "mutate_bytes"))
                    .series("multisession change broadcast", lines, column(rows, "change_bytes"))
                    .write(dir.resolve("wire-size.png"));
        }
    }

    static List<Map<String, String>> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, String> row = new TreeMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double[] column(List<Map<String, String>> rows, String name) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.parseDouble(rows.get(i).get(name));
        }
        return values;
    }
}
