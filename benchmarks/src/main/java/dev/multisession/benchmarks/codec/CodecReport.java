package dev.multisession.benchmarks.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.runtime.json.JsonMappers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the JMH result file of {@link CodecBenchmark} into {@code codec.csv} and a table with the
 * ratios the targets are stated in: data binding over generated (at least 3x) and generated over
 * hand-written (at most 1.2x), per operation and for export + init + apply together.
 *
 * <p>Usage: {@code CodecReport <jmh-result.json> <output-dir>}
 */
public final class CodecReport {

    private static final String[] OPERATIONS = {"export", "init", "apply"};
    private static final String[] WAYS = {"Generated", "DataBinding", "HandWritten"};

    private CodecReport() {}

    /**
     * The score and its error of each {@link CodecBenchmark} method in a JMH result file, by method
     * name. Results of other benchmark classes are left out: a JMH include pattern of
     * {@code CodecBenchmark} also runs {@code KindCodecBenchmark}, whose methods have the same names
     * and would otherwise stand in the restaurant order's table.
     *
     * @throws IllegalArgumentException if one method has two results
     */
    static Map<String, double[]> scores(JsonNode results) {
        String prefix = CodecBenchmark.class.getName() + ".";
        Map<String, double[]> scores = new TreeMap<>();
        for (JsonNode result : results) {
            String benchmark = result.get("benchmark").asText();
            if (!benchmark.startsWith(prefix)) {
                continue;
            }
            String method = benchmark.substring(prefix.length());
            JsonNode metric = result.get("primaryMetric");
            double[] score = {metric.get("score").asDouble(), metric.get("scoreError").asDouble()};
            if (scores.putIfAbsent(method, score) != null) {
                throw new IllegalArgumentException(benchmark + " has two results; run each parameter set once");
            }
        }
        return scores;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CodecReport <jmh-result.json> <output-dir>");
            System.exit(2);
        }
        Map<String, double[]> scores = scores(JsonMappers.files().readTree(Path.of(args[0]).toFile()));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder(
                "operation,generated_us,generated_err,data_binding_us,data_binding_err,hand_written_us,hand_written_err,"
                        + "binding_over_generated,generated_over_hand_written\n");
        double[] totals = new double[WAYS.length];
        PrintStream table = System.out;
        table.println("| operation (20 lines) | generated µs | data binding µs | hand-written µs | binding / generated | generated / hand-written |");
        table.println("|---|---:|---:|---:|---:|---:|");
        for (String operation : OPERATIONS) {
            double[] mean = new double[WAYS.length];
            double[] error = new double[WAYS.length];
            for (int i = 0; i < WAYS.length; i++) {
                double[] score = scores.get(operation + WAYS[i]);
                if (score == null) {
                    throw new IllegalArgumentException("no result for " + operation + WAYS[i] + " in " + args[0]);
                }
                mean[i] = score[0];
                error[i] = Double.isNaN(score[1]) ? 0 : score[1];
                totals[i] += mean[i];
            }
            csv.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.2f,%.2f%n", operation,
                    mean[0], error[0], mean[1], error[1], mean[2], error[2], mean[1] / mean[0], mean[0] / mean[2]));
            table.printf(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f ± %.2f | %.2f ± %.2f | %.2fx | %.2fx |%n", operation,
                    mean[0], error[0], mean[1], error[1], mean[2], error[2], mean[1] / mean[0], mean[0] / mean[2]);
        }
        csv.append(String.format(Locale.ROOT, "total,%.3f,,%.3f,,%.3f,,%.2f,%.2f%n", totals[0], totals[1], totals[2],
                totals[1] / totals[0], totals[0] / totals[2]));
        table.printf(Locale.ROOT, "| **export + init + apply** | %.2f | %.2f | %.2f | **%.2fx** | **%.2fx** |%n",
                totals[0], totals[1], totals[2], totals[1] / totals[0], totals[0] / totals[2]);
        Files.writeString(out.resolve("codec.csv"), csv);
    }
}
