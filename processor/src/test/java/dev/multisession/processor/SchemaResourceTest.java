package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The JSON Schema resources of representative models, compared with reviewed golden files. */
class SchemaResourceTest {

    private static Compilation compileValidModels() {
        return Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(ValidModels.restaurant());
    }

    @Test
    void aRootModelBindsItsInheritedLinesToItsOwnLineType() throws IOException {
        assertMatchesGolden(compileValidModels(), "com.acme.RestaurantOrder");
    }

    @Test
    void aLineModelHasItsOwnSchema() throws IOException {
        assertMatchesGolden(compileValidModels(), "com.acme.Orderline");
    }

    @Test
    void everyValueKindIsDescribed() throws IOException {
        Compilation compilation = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .compile(ValidModels.everyKind());
        assertThat(compilation).succeeded();
        assertMatchesGolden(compilation, "com.acme.kinds.EveryKind");
    }

    @Test
    void aPolymorphicModelNamesItsSubtypes() throws IOException {
        Compilation compilation = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(ValidModels.bar());
        assertThat(compilation).succeededWithoutWarnings();
        assertMatchesGolden(compilation, "com.acme.bar.Tab");
    }

    @Test
    void abstractAndGenericModelsGetNoSchema() {
        Compilation compilation = compileValidModels();
        assertFalse(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                SchemaWriter.resourceName("com.acme.Order")).isPresent());
        assertFalse(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                SchemaWriter.resourceName("com.acme.DiscountedOrder")).isPresent());
    }

    private static void assertMatchesGolden(Compilation compilation, String model) throws IOException {
        String actual = resource(compilation, model);
        if (Boolean.getBoolean("golden.print")) {
            System.err.println("=== " + model + "\n" + actual);
        }
        assertEquals(golden("golden/schema/" + model + ".json"), actual);
    }

    private static String resource(Compilation compilation, String model) throws IOException {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, SchemaWriter.resourceName(model))
                .orElseThrow(() -> new AssertionError("no schema resource for " + model));
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = SchemaResourceTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
