package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every published jar names its module in its manifest, so that on the module path it is not
 * named after its file (which changes with the version and trips {@code -Werror}).
 */
class ModuleNamesTest {

    @Test
    void theAnnotationsRuntimeAndAbiJarsNameTheirModules() throws Exception {
        assertEquals("dev.multisession.annotations", moduleName(jarOf(MultiSessionField.class)));
        assertEquals("dev.multisession.runtime", moduleName(jarOf(MultiSessionCodecs.class)));
        assertEquals("dev.multisession.codec.abi", moduleName(jarOf(CodecAbi.class)));
    }

    @Test
    void theProcessorJarNamesItsModule() throws Exception {
        assertEquals("dev.multisession.processor", moduleName(Javac.processorJar()));
    }

    @Test
    void everyJarOfTheBuildNamesItsModule() throws Exception {
        // run from this module's directory, in the repository
        Path root = Path.of("").toAbsolutePath().getParent();
        assumeTrue(Files.isRegularFile(root.resolve("pom.xml")), "not run inside the repository: " + root);
        List<Path> poms;
        try (Stream<Path> files = Files.walk(root)) {
            poms = files.filter(f -> f.getFileName().toString().equals("pom.xml"))
                    .filter(f -> !f.toString().contains(File.separator + "target" + File.separator))
                    .toList();
        }
        List<String> unnamed = new ArrayList<>();
        for (Path pom : poms) {
            String text = Files.readString(pom);
            boolean jar = !text.contains("<packaging>pom</packaging>");
            boolean named = text.contains("<multisession.module.name>")
                    || Files.exists(pom.resolveSibling("src/main/java/module-info.java"));
            if (jar && !named) {
                unnamed.add(root.relativize(pom).toString());
            }
        }
        assertTrue(poms.size() > 10, "found only " + poms);
        assertEquals(List.of(), unnamed, "modules whose jar would be named after its file");
    }

    private static Path jarOf(Class<?> type) throws Exception {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(location), "not packaged as a jar in this run: " + location);
        return location;
    }

    private static String moduleName(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
