package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Runs javac the way a user's build does: the processor jar on the processor path, nothing else. */
final class Javac {

    /** What one compilation printed. */
    record Outcome(boolean success, String output) {}

    private Javac() {}

    /** The packaged, shaded processor jar this module depends on. */
    static Path processorJar() throws URISyntaxException {
        // Found as a resource: loading the class would drag its compile-only annotations along.
        URL resource = Javac.class.getClassLoader().getResource("META-INF/gradle/incremental.annotation.processors");
        assumeTrue(resource != null && resource.getProtocol().equals("jar"), "the processor jar is not on the class path");
        String location = resource.getPath();
        Path jar = Path.of(new URI(location.substring(0, location.indexOf("!/"))));
        assumeTrue(Files.isRegularFile(jar), "the processor is not packaged as a jar in this run: " + jar);
        return jar;
    }

    /** Compiles every .java file under {@code sources} into {@code output} with the processor jar. */
    static Outcome compile(Path sources, Path output, List<Path> extraClassPath) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of(
                "-Xlint:all,-processing", "-Werror", "--release", "17",
                "-processorpath", processorJar().toString(),
                "-classpath", classPath(extraClassPath),
                "-d", output.toString(),
                "-s", output.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = compiler.run(null, printed, printed, arguments.toArray(String[]::new));
        return new Outcome(status == 0, printed.toString(StandardCharsets.UTF_8));
    }

    /**
     * Compiles with the {@code javac} of the running JDK in a process of its own, with these jars on the
     * processor path in this order. In this JVM the processor path's class loader would ask the test class
     * path first, which holds the processor (and Lombok) in an order of its own.
     */
    static Outcome compileInOwnProcess(Path sources, Path output, List<Path> processorPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-Xlint:all,-processing", "-Werror", "--release", "17",
                "-processorpath", String.join(File.pathSeparator, processorPath.stream().map(Path::toString).toList()),
                "-classpath", classPath(List.of()),
                "-d", output.toString(),
                "-s", output.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> command.add(f.toString()));
        }
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(javac.waitFor() == 0, printed);
    }

    /** The test class path (annotations, runtime, Jackson) without the processor itself. */
    private static String classPath(List<Path> extra) throws URISyntaxException {
        String processor = processorJar().toString();
        List<String> entries = new ArrayList<>();
        extra.forEach(p -> entries.add(p.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.equals(processor)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Packs a directory of classes into a jar, as a library's build would: the classes and the
     * resources the processor wrote (schemas, subtype names), not the generated sources.
     */
    static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".java")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
