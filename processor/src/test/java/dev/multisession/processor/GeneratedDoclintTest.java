package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated codecs are public API of the user's jar, so they pass {@code -Xdoclint:all}: a project
 * that builds its Javadoc strictly, or compiles with doclint and {@code -Werror}, must not fail on
 * code it did not write. The models are compiled with the processor; the codecs it generated are
 * then compiled alone, against the models' classes, with every doclint check on.
 */
class GeneratedDoclintTest {

    @Test
    void generatedSourcesPassEveryDoclintCheck(@TempDir Path classes) throws IOException {
        Compilation models = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .compile(ValidModels.all(ValidModels.restaurant(), ValidModels.everyKind(), ValidModels.bar()));
        assertThat(models).succeeded();
        for (JavaFileObject file : models.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                Path target = classes.resolve(file.toUri().getPath().replaceFirst("^.*?/CLASS_OUTPUT/", ""));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.copy(in, target);
                }
            }
        }
        List<File> classpath = new ArrayList<>(List.of(classes.toFile()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }

        Compilation codecs = Compiler.javac()
                .withClasspath(classpath)
                .withOptions("-proc:none", "-Xdoclint:all", "-Xlint:all", "-Werror")
                .compile(models.generatedSourceFiles());

        String warnings = codecs.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                .collect(Collectors.joining("\n"));
        assertEquals("", warnings, "doclint and lint findings in generated sources");
        assertThat(codecs).succeeded();
    }
}
