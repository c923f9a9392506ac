package dev.multisession.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.multisession.annotations.MultiSessionField;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models in named modules, compiled on the module path under {@code -Werror}: the codecs need no
 * {@code requires} beyond what the models use, carry {@code @Generated} only where the module reads
 * {@code java.compiler}, and keep {@code -Xlint:exports} quiet in an exported package.
 */
class GeneratedInModulesTest {

    private static final String MODEL = """
            package shop.tables;
            import dev.multisession.annotations.*;
            public class Table {
                @MultiSessionId String uid;
                @MultiSessionField int seats;
                public Table() {}
            }
            """;

    @TempDir
    Path work;

    @Test
    void aModuleThatDoesNotReadJavaCompilerGetsCodecsWithoutGenerated() throws Exception {
        String codec = compileModule("""
                module shop.tables {
                    requires dev.multisession.annotations;
                    requires dev.multisession.runtime;
                    requires com.fasterxml.jackson.databind;
                    exports shop.tables;
                }
                """);

        // the base class GeneratedCodec is no annotation: only @Generated and its import must be absent
        assertFalse(codec.contains("@Generated"), codec);
        assertFalse(codec.contains("javax.annotation.processing.Generated"), codec);
        assertTrue(codec.contains("@SuppressWarnings(\"exports\")"), codec);
    }

    @Test
    void aModuleThatRequiresJavaCompilerGetsGenerated() throws Exception {
        String codec = compileModule("""
                module shop.tables {
                    requires dev.multisession.annotations;
                    requires dev.multisession.runtime;
                    requires com.fasterxml.jackson.databind;
                    requires static java.compiler;
                    exports shop.tables;
                }
                """);

        assertTrue(codec.contains("@Generated(\"" + CodecWriter.PROCESSOR + "\")"), codec);
    }

    @Test
    void aModuleThatReadsJavaCompilerThroughATransitiveRequiresGetsGenerated() throws Exception {
        // java.se requires java.compiler transitively
        String codec = compileModule("""
                module shop.tables {
                    requires dev.multisession.annotations;
                    requires dev.multisession.runtime;
                    requires com.fasterxml.jackson.databind;
                    requires java.se;
                }
                """);

        assertTrue(codec.contains("@Generated("), codec);
    }

    /** Compiles the model in a module with that module-info; returns the codec's source. */
    private String compileModule(String moduleInfo) throws Exception {
        Path sources = work.resolve("src");
        write(sources.resolve("module-info.java"), moduleInfo);
        write(sources.resolve("shop/tables/Table.java"), MODEL);
        Path output = Files.createDirectories(work.resolve("out"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                Stream<Path> walk = Files.walk(sources);
                PrintWriter out = new PrintWriter(printed, true, StandardCharsets.UTF_8)) {
            // requires-automatic: the runtime's jars are automatic modules here, which is the model's choice, not the codec's
            List<String> options = List.of("-Xlint:all,-processing,-requires-automatic", "-Werror", "--release", "17",
                    "--module-path", modulePath(),
                    "-d", output.toString(), "-s", output.toString());
            var task = javac.getTask(out, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(walk.filter(f -> f.toString().endsWith(".java")).toList()));
            task.setProcessors(List.of(new MultiSessionProcessor()));
            boolean success = task.call();
            assertTrue(success, printed.toString(StandardCharsets.UTF_8));
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8).strip());
        assertTrue(Files.exists(output.resolve("shop/tables/Table_MultiSession.class")));
        return Files.readString(output.resolve("shop/tables/Table_MultiSession.java"));
    }

    /** The annotations, runtime and ABI (as the named jars they are when published) and Jackson. */
    private String modulePath() throws Exception {
        List<String> entries = new ArrayList<>();
        Map<Class<?>, String> ours = Map.of(MultiSessionField.class, "dev.multisession.annotations",
                MultiSessionCodecs.class, "dev.multisession.runtime", CodecAbi.class, "dev.multisession.codec.abi");
        for (Map.Entry<Class<?>, String> module : ours.entrySet()) {
            entries.add(asNamedJar(location(module.getKey()), module.getValue()).toString());
        }
        for (Class<?> jackson : List.of(JsonNode.class, JsonParser.class, com.fasterxml.jackson.annotation.JsonProperty.class)) {
            entries.add(location(jackson).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A jar of the classes at {@code location} (a jar or, in a reactor build, a directory) that names its module. */
    private Path asNamedJar(Path location, String moduleName) throws Exception {
        if (Files.isRegularFile(location)) {
            return location;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
        Path jar = work.resolve(moduleName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> classes = Files.walk(location)) {
            for (Path entry : classes.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(location.relativize(entry).toString().replace(File.separatorChar, '/')));
                Files.copy(entry, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
