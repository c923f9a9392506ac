package dev.multisession.benchmarks.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Draws the report's charts from the CSV files the measurements wrote: hub throughput and
 * latency against the number of terminals (one series per store found), and bytes sent
 * against the order's size.
 *
 * Drawn with XChart: 900 pixels wide, a 540-pixel chart plus a row per legend entry (the
 * legend sits under the plot so that it never hides a line), logarithmic axes where the values
 * span decades, targets as dashed grey lines.
 *
 * <p>Usage: {@code Charts <results-dir>} (run with {@code -Djava.awt.headless=true}).
 */
@Command(name = "Charts", mixinStandardHelpOptions = true, description = "Draws the report's PNG charts from its CSV files.")
public final class Charts implements Callable<Integer> {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEGEND_ROW = 20;
    private static final Color TARGET = new Color(0x555555);

    @Parameters(index = "0", arity = "0..1", defaultValue = "docs/benchmarks",
            description = "the results directory, read and written (default ${DEFAULT-VALUE})")
    Path dir;

    private Charts() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new Charts()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
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
            XYChart throughput = chart("Hub throughput vs terminals", "terminals (log scale)", "accepted operations / s");
            throughput.getStyler().setXAxisLogarithmic(true);
            XYChart latency = chart("End-to-end latency vs terminals", "terminals (log scale)", "latency (ms, log scale)");
            latency.getStyler().setXAxisLogarithmic(true);
            latency.getStyler().setYAxisLogarithmic(true);
            for (Map.Entry<String, List<Map<String, String>>> entry : load.entrySet()) {
                List<Map<String, String>> rows = entry.getValue();
                double[] terminals = column(rows, "terminals");
                throughput.addSeries(entry.getKey() + " offered: accepted", terminals, column(rows, "accepted_ops_s"));
                // Steps where no edit arrived within the run (an overloaded hub) have no latency to draw.
                List<Map<String, String>> measured = rows.stream().filter(r -> !r.get("samples").equals("0")).toList();
                if (!measured.isEmpty()) {
                    double[] at = column(measured, "terminals");
                    latency.addSeries(entry.getKey() + " p50", at, column(measured, "p50_ms"));
                    latency.addSeries(entry.getKey() + " p99", at, column(measured, "p99_ms"));
                }
            }
            target(throughput, "target: 5,000 ops/s at 20 terminals (SQLite)", 5000);
            target(latency, "target: p99 < 50 ms", 50);
            write(throughput, dir.resolve("hub-throughput.png"));
            write(latency, dir.resolve("hub-latency.png"));
        }
        Map<String, List<Map<String, String>>> light = new TreeMap<>();
        try (var files = Files.list(dir)) {
            // the light generator's rate steps at 20 terminals: light-<store>-20.csv, or one file per run
            for (Path csv : files.filter(p -> p.getFileName().toString().matches("light-.*-20(-run\\d+)?\\.csv"))
                    .sorted().toList()) {
                List<Map<String, String>> rows = read(csv).stream().filter(r -> !r.get("samples").equals("0")).toList();
                if (!rows.isEmpty()) {
                    String name = csv.getFileName().toString().replaceFirst("^light-", "").replaceFirst("\\.csv$", "");
                    light.put(name, rows);
                }
            }
        }
        if (!light.isEmpty()) {
            XYChart latency = chart("Light clients: end-to-end latency vs offered rate, 20 terminals",
                    "offered operations / s (log scale)", "latency (ms, log scale)");
            latency.getStyler().setXAxisLogarithmic(true);
            latency.getStyler().setYAxisLogarithmic(true);
            for (Map.Entry<String, List<Map<String, String>>> entry : light.entrySet()) {
                double[] offered = column(entry.getValue(), "offered_ops_s");
                latency.addSeries(entry.getKey() + " p50", offered, column(entry.getValue(), "p50_ms"));
                latency.addSeries(entry.getKey() + " p99", offered, column(entry.getValue(), "p99_ms"));
                latency.addSeries(entry.getKey() + " p99.9", offered, column(entry.getValue(), "p999_ms"));
            }
            target(latency, "target: p99 < 50 ms at 5,000 ops/s", 50);
            write(latency, dir.resolve("light-latency.png"));
        }
        Path wire = dir.resolve("wire-size.csv");
        if (Files.exists(wire)) {
            List<Map<String, String>> rows = read(wire);
            double[] lines = column(rows, "lines");
            XYChart bytes = chart("Bytes sent for one quantity change", "lines in the order", "bytes (log scale)");
            bytes.getStyler().setYAxisLogarithmic(true);
            bytes.addSeries("whole order JSON (pos_multi_session)", lines, column(rows, "whole_order_bytes"));
            bytes.addSeries("multisession mutate", lines, column(rows, "mutate_bytes"));
            bytes.addSeries("multisession change broadcast", lines, column(rows, "change_bytes"));
            write(bytes, dir.resolve("wire-size.png"));
        }
        return 0;
    }

    /** A line chart with points, white background and the legend under the plot. */
    private static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        styler.setPlotGridLinesColor(new Color(0xE6E6E6));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        // one entry per row: a row of six long names would run off the image
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setYAxisDecimalPattern("#,##0.##");
        styler.setXAxisDecimalPattern("#,##0.##");
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setMarkerSize(8);
        return chart;
    }

    /** A dashed horizontal line across the chart's X range, such as a target. */
    private static void target(XYChart chart, String name, double y) {
        double[] xs = chart.getSeriesMap().values().stream()
                .flatMapToDouble(series -> Arrays.stream(series.getXData())).sorted().toArray();
        if (xs.length == 0) {
            return;
        }
        XYSeries line = chart.addSeries(name, new double[] {xs[0], xs[xs.length - 1]}, new double[] {y, y});
        line.setLineStyle(SeriesLines.DASH_DASH);
        line.setLineColor(TARGET);
        line.setMarker(SeriesMarkers.NONE);
    }

    /** Writes the PNG, taller by one row per legend entry so that the plot keeps its size. */
    private static void write(XYChart chart, Path png) throws IOException {
        int height = HEIGHT + LEGEND_ROW * chart.getSeriesMap().size();
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            chart.paint(graphics, WIDTH, height);
        } finally {
            graphics.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
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
