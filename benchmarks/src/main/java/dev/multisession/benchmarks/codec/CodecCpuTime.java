package dev.multisession.benchmarks.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The operations of {@link KindCodecBenchmark} (or {@link CodecBenchmark}) timed in the CPU time
 * of the measuring thread instead of wall-clock time ({@link CpuTimeRounds}): the nine operations
 * run interleaved, round after round; the median of the measured rounds is reported, with the
 * ratios the codec targets are stated in.
 */
@Command(name = "CodecCpuTime", mixinStandardHelpOptions = true,
        description = "Codec export/init/apply in thread CPU time per operation, three ways.")
public final class CodecCpuTime implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "kinds", description = "kinds or restaurant (default ${DEFAULT-VALUE})")
    String model;

    @Mixin
    CpuTimeRounds timing;

    private CodecCpuTime() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CodecCpuTime()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Double> nanos = timing.medianNanos(operations());
        System.out.println("| operation | generated µs | data binding µs | hand-written µs | binding / generated | generated / hand-written |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        double[] totals = new double[3];
        for (String op : List.of("export", "init", "apply")) {
            double generated = nanos.get(op + "Generated") / 1000;
            double binding = nanos.get(op + "DataBinding") / 1000;
            double hand = nanos.get(op + "HandWritten") / 1000;
            totals[0] += generated;
            totals[1] += binding;
            totals[2] += hand;
            System.out.println(row(op, generated, binding, hand));
        }
        System.out.println(row("export + init + apply", totals[0], totals[1], totals[2]));
        return 0;
    }

    private static String row(String name, double generated, double binding, double hand) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f× | %.2f× |", name, generated, binding, hand,
                binding / generated, generated / hand);
    }

    private Map<String, CpuTimeRounds.Operation> operations() throws Exception {
        Map<String, CpuTimeRounds.Operation> operations = new LinkedHashMap<>();
        if (model.equals("kinds")) {
            KindCodecBenchmark b = new KindCodecBenchmark();
            b.lines = 10;
            b.setUp();
            operations.put("exportGenerated", b::exportGenerated);
            operations.put("exportDataBinding", b::exportDataBinding);
            operations.put("exportHandWritten", b::exportHandWritten);
            operations.put("initGenerated", b::initGenerated);
            operations.put("initDataBinding", b::initDataBinding);
            operations.put("initHandWritten", b::initHandWritten);
            operations.put("applyGenerated", b::applyGenerated);
            operations.put("applyDataBinding", b::applyDataBinding);
            operations.put("applyHandWritten", b::applyHandWritten);
        } else if (model.equals("restaurant")) {
            CodecBenchmark b = new CodecBenchmark();
            b.lines = 20;
            b.setUp();
            operations.put("exportGenerated", b::exportGenerated);
            operations.put("exportDataBinding", b::exportDataBinding);
            operations.put("exportHandWritten", b::exportHandWritten);
            operations.put("initGenerated", b::initGenerated);
            operations.put("initDataBinding", b::initDataBinding);
            operations.put("initHandWritten", b::initHandWritten);
            operations.put("applyGenerated", b::applyGenerated);
            operations.put("applyDataBinding", b::applyDataBinding);
            operations.put("applyHandWritten", b::applyHandWritten);
        } else {
            throw new CommandLine.ParameterException(new CommandLine(this), "--model is kinds or restaurant, not " + model);
        }
        return operations;
    }
}
