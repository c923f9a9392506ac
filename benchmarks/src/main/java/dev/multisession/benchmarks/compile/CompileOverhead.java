package dev.multisession.benchmarks.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * javac on 300 annotated model classes with and without the annotation processor, in this JVM
 * through {@code javax.tools} as Maven's compiler plugin runs it. "With" puts only the shaded
 * processor jar on the processor path, so it also compiles the 300 generated codecs; "without"
 * passes {@code -proc:none}. A third variant compiles the models together with the sources the
 * processor generated, without the processor, to split the overhead into running the processor
 * and compiling its output. Runs alternate (with, without, with, ...) after warm-up rounds, so
 * both see the same JIT state; the ratio is of the medians. Each compile is timed on the wall clock and
 * in this thread's CPU time (javac runs on the calling thread), which other jobs on the machine disturb
 * far less. {@code --compare} adds, in the same rounds, a compile with another processor jar (one
 * built from other sources), so that a change to the processor is measured against the code before
 * it alternated, in one run.
 *
 * <p>What this measures is a JVM whose javac is warm and whose processor is not: javac loads the
 * processor in a fresh class loader for every compile, as a build daemon does, while a build run
 * once per JVM (plain Maven) has javac itself cold too.
 *
 * <p>Usage: {@code CompileOverhead [--classes 300] [--warmup 3] [--runs 7]
 * [--processor target/javac/processor/multisession-processor.jar] [--classpath target/javac/classpath]
 * [--compare other-processor.jar] [--out docs/benchmarks] [--write-sources DIR]}
 */
@Command(name = "CompileOverhead", mixinStandardHelpOptions = true,
        description = "javac on generated model classes with and without the annotation processor.")
public final class CompileOverhead implements Callable<Integer> {

    @Mixin
    ModelCompileOptions models = new ModelCompileOptions();

    @Option(names = "--warmup", defaultValue = "3", description = "unmeasured rounds first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--runs", defaultValue = "7", description = "measured rounds (default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--out", description = "directory for compile-overhead.csv")
    Path out;

    @Option(names = "--compare", description = "another processor jar, compiled with in the same rounds")
    Path compare;

    @Option(names = "--write-sources", description = "only write the model sources into this directory")
    Path writeSources;

    CompileOverhead() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompileOverhead()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        models.check();
        models.atLeast("--warmup", warmup, 0);
        models.atLeast("--runs", runs, 1);
        if (writeSources != null) {
            // for timing javac elsewhere, e.g. the javac command in a JVM of its own per compile
            int written = ModelSources.write(writeSources, models.classes).size();
            System.out.println(written + " sources under " + writeSources);
            return 0;
        }
        String classpath = models.classpath();
        Path work = Files.createTempDirectory("multisession-javac");
        try {
            List<Path> sources = ModelSources.write(work.resolve("src"), models.classes);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> common = List.of("--release", "17", "-encoding", "UTF-8", "-classpath", classpath,
                    "-implicit:none", "-Xlint:none");
            List<String> with = new ArrayList<>(common);
            with.addAll(List.of("-processorpath", models.processorJar()));
            List<String> other = new ArrayList<>(common);
            if (compare != null) {
                if (!Files.isRegularFile(compare)) {
                    throw new IllegalArgumentException("no processor jar at " + compare);
                }
                other.addAll(List.of("-processorpath", compare.toString()));
            }
            List<String> without = new ArrayList<>(common);
            without.add("-proc:none");

            // The generated sources of a first run, compiled as plain sources: what compiling the
            // output costs, apart from running the processor.
            Path first = work.resolve("out-first");
            compile(javac, sources, with, first);
            List<Path> generatedSources;
            try (Stream<Path> files = Files.walk(first)) {
                generatedSources = files.filter(p -> p.toString().endsWith("_MultiSession.java")).sorted().toList();
            }
            List<Path> plusGenerated = new ArrayList<>(sources);
            plusGenerated.addAll(generatedSources);
            int generated = generatedSources.size();

            double[] withTimes = new double[runs];
            double[] withoutTimes = new double[runs];
            double[] pregeneratedTimes = new double[runs];
            double[] withCpu = new double[runs];
            double[] withoutCpu = new double[runs];
            double[] pregeneratedCpu = new double[runs];
            double[] otherCpu = new double[runs];
            for (int i = 0; i < warmup + runs; i++) {
                double[] a = compile(javac, sources, with, work.resolve("out-with-" + i));
                double[] b = compile(javac, sources, without, work.resolve("out-without-" + i));
                double[] c = compile(javac, plusGenerated, without, work.resolve("out-pregenerated-" + i));
                double[] d = compare == null ? null : compile(javac, sources, other, work.resolve("out-other-" + i));
                if (i >= warmup) {
                    withTimes[i - warmup] = a[0];
                    withoutTimes[i - warmup] = b[0];
                    pregeneratedTimes[i - warmup] = c[0];
                    withCpu[i - warmup] = a[1];
                    withoutCpu[i - warmup] = b[1];
                    pregeneratedCpu[i - warmup] = c[1];
                    otherCpu[i - warmup] = d == null ? 0 : d[1];
                }
                System.out.printf(Locale.ROOT,
                        "%s run %d: with processor %.0f ms (CPU %.0f ms), without %.0f ms (CPU %.0f ms), models +"
                                + " generated sources without processor %.0f ms (CPU %.0f ms)%n",
                        i < warmup ? "warm-up" : "measured", i + 1, a[0], a[1], b[0], b[1], c[0], c[1]);
                if (d != null) {
                    System.out.printf(Locale.ROOT, "  with %s %.0f ms (CPU %.0f ms)%n", compare, d[0], d[1]);
                }
            }
            // javac runs on this thread: its CPU time is what the machine's other load disturbs least.
            System.out.printf(Locale.ROOT, "javac CPU time, medians of %d: with processor %.0f ms, without %.0f ms,"
                            + " models + generated sources without processor %.0f ms: %.2fx (pregenerated %.2fx)%n",
                    runs, median(withCpu), median(withoutCpu), median(pregeneratedCpu),
                    median(withCpu) / median(withoutCpu), median(pregeneratedCpu) / median(withoutCpu));
            if (compare != null) {
                System.out.printf(Locale.ROOT,
                        "with %s: CPU median %.0f ms, %.2fx without; this processor / it %.3f%n",
                        compare, median(otherCpu), median(otherCpu) / median(withoutCpu),
                        median(withCpu) / median(otherCpu));
            }
            double withMedian = median(withTimes);
            double withoutMedian = median(withoutTimes);
            double pregeneratedMedian = median(pregeneratedTimes);
            long modelLines = lines(sources);
            long generatedLines = lines(generatedSources);
            System.out.printf(Locale.ROOT,
                    "%d classes (%,d lines) and %d generated codecs (%,d lines): with processor %.0f ms, without %.0f ms,"
                            + " models + generated sources without processor %.0f ms (medians of %d): %.2fx%n",
                    models.classes, modelLines, generated, generatedLines, withMedian, withoutMedian, pregeneratedMedian, runs,
                    withMedian / withoutMedian);
            if (out != null) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("compile-overhead.csv"), String.format(Locale.ROOT,
                        "classes,model_lines,generated_codecs,generated_lines,runs,with_processor_median_ms,"
                                + "without_processor_median_ms,pregenerated_median_ms,with_processor_min_ms,"
                                + "without_processor_min_ms,ratio%n%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.3f%n",
                        models.classes, modelLines, generated, generatedLines, runs, withMedian, withoutMedian,
                        pregeneratedMedian, Arrays.stream(withTimes).min().orElse(0),
                        Arrays.stream(withoutTimes).min().orElse(0), withMedian / withoutMedian));
            }
        } finally {
            ModelCompileOptions.delete(work);
        }
        return 0;
    }

    /** Wall-clock and this thread's CPU time of one compile, in milliseconds. */
    private static double[] compile(JavaCompiler javac, List<Path> sources, List<String> options, Path out)
            throws IOException {
        Files.createDirectories(out);
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("-d", out.toString(), "-s", out.toString()));
        StringWriter messages = new StringWriter();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            boolean ok = javac.getTask(messages, files, null, all, null, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            double millis = (System.nanoTime() - start) / 1e6;
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            if (!ok) {
                throw new IllegalStateException("javac failed:\n" + messages);
            }
            return new double[] {millis, cpuMillis};
        }
    }

    private static long lines(List<Path> files) throws IOException {
        long lines = 0;
        for (Path file : files) {
            try (Stream<String> content = Files.lines(file)) {
                lines += content.count();
            }
        }
        return lines;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
