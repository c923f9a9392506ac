package dev.multisession.blackbox.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Launches the module of this project with {@code java --module-path … -m}, the runtime, annotations
 * and Jackson as modules beside it, and reads what its {@link Main} printed: the codecs work in a
 * named module, and a model in an unexported package is refused with the line to add.
 */
class ModulePathLaunchTest {

    private static final String MODULE = "dev.multisession.blackbox.jpms";

    @Test
    void theCodecsOfANamedModuleRoundTripOnTheModulePath() throws Exception {
        List<String> lines = launch();

        String expected = "{\"uid\":\"t1\",\"table_id\":\"T5\",\"guests\":4,\"day\":\"2026-12-03\",\"tip\":2.5,"
                + "\"lines\":[{\"uid\":\"a\",\"qty\":2,\"note\":\"no ice\"}]} changed [table_id, lines]";
        assertEquals("ticket Ticket " + expected, lines.get(0));
        assertEquals("takeaway TakeawayTicket " + expected, lines.get(1));
        assertEquals("ticket codec in " + MODULE, lines.get(2));
    }

    @Test
    void aModelInAnUnexportedPackageIsRefusedWithTheLineToAdd() throws Exception {
        List<String> lines = launch();

        assertEquals("docket refused: The multisession runtime cannot use " + MODULE + ".kitchen.Docket_MultiSession"
                + ".INSTANCE (package " + MODULE + ".kitchen of module " + MODULE + " is not exported to it): add"
                + " 'exports " + MODULE + ".kitchen to dev.multisession.runtime;' to the module-info of module " + MODULE
                + ", so that the multisession runtime in module dev.multisession.runtime may call it", lines.get(3));
    }

    /** Runs the module's main class in a JVM of its own; returns what it printed on standard output. */
    private static List<String> launch() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("module-launch", ".err");
        try {
            Process process = new ProcessBuilder(java.toString(), "--module-path", modulePath(),
                    "-m", MODULE + "/" + Main.class.getName())
                    .redirectError(log.toFile())
                    .start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the module did not finish");
            assertEquals(0, process.exitValue(), printed + Files.readString(log));
            return printed.lines().toList();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * This module's classes and the jars it needs: the multisession jars (named by their manifests),
     * Jackson and SLF4J. Test-only jars stay off the module path.
     */
    private static String modulePath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (path.endsWith(Path.of("target", "classes"))) {
                entries.add(entry);
            } else if (name.startsWith("multisession-") && !name.startsWith("multisession-processor")
                    || name.startsWith("jackson-") || name.startsWith("slf4j-api")) {
                assumeTrue(Files.isRegularFile(path), "not packaged as a jar in this run: " + path);
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
