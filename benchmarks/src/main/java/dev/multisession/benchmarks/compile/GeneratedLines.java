package dev.multisession.benchmarks.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * How many lines the processor generates per synced field and per class: the generated codecs of
 * the 300 models of {@link CompileOverhead} (and of any directory of generated sources given, such
 * as the restaurant sample's {@code target/generated-sources/annotations}) are counted, and a line
 * {@code lines = perField × fields + perClass} is fitted to them by least squares. A line counts
 * when it holds anything but blanks; a codec's own synced fields are its
 * {@code fields.add(SyncedField…)} statements, one per field.
 *
 * <p>Usage: {@code GeneratedLines [--classes 300] [--processor …] [--classpath …] [--generated DIR]…}
 */
@Command(name = "GeneratedLines", mixinStandardHelpOptions = true,
        description = "Generated lines per synced field and per class.")
public final class GeneratedLines implements Callable<Integer> {

    /** One generated codec: its non-blank lines and the synced fields it declares. */
    public record Codec(String name, int lines, int fields) {}

    /**
     * The fit over a set of codecs, and the plain totals.
     *
     * @param perField the slope: lines each further field adds
     * @param perClass the intercept: lines a codec has whatever its fields
     */
    public record Fit(int codecs, long lines, long fields, double perField, double perClass) {
        /** The report line. */
        public String describe(String what) {
            String fit = Double.isNaN(perField) ? "no fit (every codec has as many fields)"
                    : String.format(Locale.ROOT, "%.1f lines per field + %.1f per class (least squares)", perField,
                            perClass);
            return String.format(Locale.ROOT, "%s: %d codecs, %,d lines, %d synced fields: %s; %.1f lines per codec,"
                            + " %.1f per field on average",
                    what, codecs, lines, fields, fit, (double) lines / codecs, (double) lines / fields);
        }
    }

    @Mixin
    ModelCompileOptions models = new ModelCompileOptions();

    @Option(names = "--generated", description = "a directory of generated sources to count as well")
    List<Path> generated = new ArrayList<>();

    GeneratedLines() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new GeneratedLines()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        models.check();
        Path work = Files.createTempDirectory("multisession-lines");
        try {
            List<Path> sources = ModelSources.write(work.resolve("src"), models.classes);
            Path out = work.resolve("out");
            Files.createDirectories(out);
            compile(sources, out);
            System.out.println(fit(read(out)).describe(models.classes + " benchmark models"));
            for (Path dir : generated) {
                System.out.println(fit(read(dir)).describe(dir.toString()));
            }
        } finally {
            ModelCompileOptions.delete(work);
        }
        return 0;
    }

    /** Every {@code *_MultiSession.java} under {@code dir}, counted. */
    public static List<Codec> read(Path dir) throws IOException {
        List<Codec> codecs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith("_MultiSession.java")).sorted().toList()) {
                codecs.add(count(file.getFileName().toString(), Files.readString(file)));
            }
        }
        return codecs;
    }

    /** The non-blank lines of one generated source and the fields it declares. */
    public static Codec count(String name, String source) {
        int lines = 0;
        int fields = 0;
        for (String line : source.split("\n", -1)) {
            if (!line.isBlank()) {
                lines++;
            }
            if (line.contains("fields.add(SyncedField.")) {
                fields++;
            }
        }
        return new Codec(name, lines, fields);
    }

    /** The least-squares line through (fields, lines) of the codecs. */
    public static Fit fit(List<Codec> codecs) {
        int n = codecs.size();
        double meanX = codecs.stream().mapToInt(Codec::fields).average().orElse(0);
        double meanY = codecs.stream().mapToInt(Codec::lines).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Codec codec : codecs) {
            sxy += (codec.fields() - meanX) * (codec.lines() - meanY);
            sxx += (codec.fields() - meanX) * (codec.fields() - meanX);
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx;
        return new Fit(n, codecs.stream().mapToLong(Codec::lines).sum(), codecs.stream().mapToLong(Codec::fields).sum(),
                slope, meanY - slope * meanX);
    }

    private void compile(List<Path> sources, Path out) throws IOException {
        String classpath = models.classpath();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-classpath", classpath,
                "-implicit:none", "-Xlint:none", "-processorpath", models.processorJar(), "-d", out.toString(), "-s",
                out.toString());
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            if (!javac.getTask(messages, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call()) {
                throw new IllegalStateException("javac failed:\n" + messages);
            }
        }
    }
}
