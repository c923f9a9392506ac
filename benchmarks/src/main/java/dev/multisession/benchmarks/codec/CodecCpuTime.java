package dev.multisession.benchmarks.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The operations of {@link KindCodecBenchmark} (or {@link CodecBenchmark}) timed in the CPU time
 * of the measuring thread instead of wall-clock time: on a machine whose other jobs keep more
 * threads runnable than it has cores, wall-clock averages mostly measure the waiting, while the
 * thread's own CPU time still measures the work. The nine operations run interleaved, round after
 * round, so that a disturbance hits all of them alike; the median of the measured rounds is
 * reported, with the ratios the codec targets are stated in.
 */
@Command(name = "CodecCpuTime", mixinStandardHelpOptions = true,
        description = "Codec export/init/apply in thread CPU time per operation, three ways.")
public final class CodecCpuTime implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "kinds", description = "kinds or restaurant (default ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--rounds", defaultValue = "15", description = "measured rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", defaultValue = "10", description = "rounds before measuring (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--ops", defaultValue = "2000", description = "operations per round and kind (default ${DEFAULT-VALUE})")
    int ops;

    /** Keeps results reachable so the JIT cannot drop the work. */
    private static volatile Object sink;

    private CodecCpuTime() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CodecCpuTime()).execute(args));
    }

    private interface Operation {
        Object run() throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Operation> operations = operations();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> nanosPerOp = new LinkedHashMap<>();
        operations.keySet().forEach(name -> nanosPerOp.put(name, new double[rounds]));
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    sink = operation.getValue().run();
                }
                long cpu = threads.getCurrentThreadCpuTime() - start;
                if (round >= warmup) {
                    nanosPerOp.get(operation.getKey())[round - warmup] = cpu / (double) ops;
                }
            }
        }
        System.out.println("| operation | generated µs | data binding µs | hand-written µs | binding / generated | generated / hand-written |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        double[] totals = new double[3];
        for (String op : List.of("export", "init", "apply")) {
            double generated = median(nanosPerOp.get(op + "Generated")) / 1000;
            double binding = median(nanosPerOp.get(op + "DataBinding")) / 1000;
            double hand = median(nanosPerOp.get(op + "HandWritten")) / 1000;
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

    private Map<String, Operation> operations() throws Exception {
        Map<String, Operation> operations = new LinkedHashMap<>();
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
