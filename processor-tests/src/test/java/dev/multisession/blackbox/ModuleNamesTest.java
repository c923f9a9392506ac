package dev.multisession.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.multisession.annotations.MultiSessionField;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.runtime.codec.MultiSessionCodecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
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
