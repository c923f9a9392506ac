package dev.multisession.benchmarks.compile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The options of the commands that compile the benchmark's generated models (how many, which
 * processor jar, which class path), shared as a picocli mixin, and the work-folder clean-up
 * they share.
 */
final class ModelCompileOptions {

    @Option(names = "--classes", defaultValue = "300", description = "annotated model classes (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--processor", defaultValue = "target/javac/processor/multisession-processor.jar",
            description = "the processor jar (default ${DEFAULT-VALUE})")
    Path processor;

    @Option(names = "--classpath", defaultValue = "target/javac/classpath",
            description = "directory of the jars the models compile against (default ${DEFAULT-VALUE})")
    Path classpathDir;

    /** The processor jar; refused with the way to build it when it is not there. */
    String processorJar() {
        if (!Files.isRegularFile(processor)) {
            throw new IllegalArgumentException("no processor jar at " + processor + " (run mvn package in benchmarks/)");
        }
        return processor.toString();
    }

    /** Every jar of the class-path folder, sorted, as one {@code -classpath} value. */
    String classpath() throws IOException {
        try (Stream<Path> jars = Files.list(classpathDir)) {
            return jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .reduce((a, b) -> a + File.pathSeparator + b)
                    .orElseThrow(() -> new IllegalArgumentException("no jars in " + classpathDir));
        }
    }

    /** Deletes a work folder and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
