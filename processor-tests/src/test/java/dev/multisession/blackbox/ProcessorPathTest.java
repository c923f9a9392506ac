package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.multisession.codec.abi.CodecAbi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged processor jar is all a build needs on its processor path. */
class ProcessorPathTest {

    @TempDir
    Path work;

    @Test
    void theShadedJarAloneRunsTheProcessorWithoutWarnings() throws Exception {
        Path sources = work.resolve("src");
        Path model = sources.resolve("shop/Table.java");
        Files.createDirectories(model.getParent());
        Files.writeString(model, """
                package shop;
                import dev.multisession.annotations.MultiSessionField;
                public class Table {
                    @MultiSessionField public String name;
                    @MultiSessionField public int seats;
                }
                """);
        // a generic value bound by Jackson: its codec names Jackson's TypeReference
        Files.writeString(sources.resolve("shop/Floor.java"), """
                package shop;
                import dev.multisession.annotations.MultiSessionField;
                import java.util.Map;
                public class Floor {
                    @MultiSessionField public Map<Integer, String> waiterByTable;
                }
                """);
        Path output = Files.createDirectories(work.resolve("out"));

        Javac.Outcome outcome = Javac.compile(sources, output, List.of());

        assertTrue(outcome.success(), outcome.output());
        assertEquals("", outcome.output().strip());
        assertTrue(Files.exists(output.resolve("shop/Table_MultiSession.class")));
        // Relocating the shaded ABI table must leave the runtime names it holds alone.
        String generated = Files.readString(output.resolve("shop/Table_MultiSession.java"));
        assertTrue(generated.contains("import dev.multisession.runtime.codec.abi.ValueUpdates;"), generated);
        assertTrue(generated.contains("@CodecAbiVersion(" + CodecAbi.VERSION + ")"), generated);
        assertFalse(generated.contains("shaded"), generated);
        // The jar relocates its own jackson-core: the name generated code imports must escape that.
        String bound = Files.readString(output.resolve("shop/Floor_MultiSession.java"));
        assertTrue(bound.contains("import com.fasterxml.jackson.core.type.TypeReference;"), bound);
        assertFalse(bound.contains("shaded"), bound);
    }

    @Test
    void theJarCarriesItsDependenciesRelocatedAndDeclaresItselfIsolating() throws Exception {
        try (ZipFile jar = new ZipFile(Javac.processorJar().toFile())) {
            assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("dev/multisession/processor/shaded/javapoet/")));
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/palantir/")));
            assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("dev/multisession/processor/shaded/codec/abi/")));
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("dev/multisession/codec/abi/")));
            String services = new String(jar.getInputStream(
                    jar.getEntry("META-INF/services/javax.annotation.processing.Processor")).readAllBytes());
            assertEquals("dev.multisession.processor.MultiSessionProcessor", services.strip());
            String gradle = new String(jar.getInputStream(
                    jar.getEntry("META-INF/gradle/incremental.annotation.processors")).readAllBytes());
            assertEquals("dev.multisession.processor.MultiSessionProcessor,isolating", gradle.strip());
        }
    }
}
