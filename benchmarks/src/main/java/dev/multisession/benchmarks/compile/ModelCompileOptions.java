package dev.multisession.benchmarks.compile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that compile the benchmark's generated models (how many, which
 * processor jar, which class path), shared as a picocli mixin, their checks, and the work-folder
 * clean-up they share.
 */
final class ModelCompileOptions {

    /** The command these options belong to: a refusal goes to its error stream with its usage. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--classes", defaultValue = "300", description = "annotated model classes (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--processor", defaultValue = "target/javac/processor/multisession-processor.jar",
            description = "the processor jar (default ${DEFAULT-VALUE})")
    Path processor;

    @Option(names = "--classpath", defaultValue = "target/javac/classpath",
            description = "directory of the jars the models compile against (default ${DEFAULT-VALUE})")
    Path classpathDir;

    /**
     * Refuses, before anything is written or compiled, a count that is not a positive multiple
     * of three (an order, a line, a takeaway) and a processor jar or class-path folder that is
     * not there, saying how to build them.
     */
    void check() {
        if (classes < 3 || classes % 3 != 0) {
            throw refused("--classes must be a positive multiple of 3, not " + classes);
        }
        if (!Files.isRegularFile(processor)) {
            throw refused("no processor jar at " + processor + " (run mvn package in benchmarks/)");
        }
        if (!Files.isDirectory(classpathDir)) {
            throw refused("no class-path folder at " + classpathDir + " (run mvn package in benchmarks/)");
        }
    }

    /** Refuses {@code value} of another option of the command below {@code least}. */
    void atLeast(String option, int value, int least) {
        if (value < least) {
            throw refused(option + " must be at least " + least + ", not " + value);
        }
    }

    /** The processor jar. */
    String processorJar() {
        return processor.toString();
    }

    /** Every jar of the class-path folder, sorted, as one {@code -classpath} value. */
    String classpath() throws IOException {
        try (Stream<Path> jars = Files.list(classpathDir)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .reduce((a, b) -> a + File.pathSeparator + b)
                    .orElseThrow(() -> refused("no jars in " + classpathDir));
        }
    }

    private CommandLine.ParameterException refused(String message) {
        return new CommandLine.ParameterException(command.commandLine(), message);
    }

    /** Deletes a work folder and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
