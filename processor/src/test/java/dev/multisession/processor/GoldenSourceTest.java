package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of representative models, compared with reviewed golden files. After a
 * deliberate change to the generated code, {@code -Dmultisession.updateGolden=true} rewrites the
 * golden files from this run's output; review the difference before committing it.
 */
class GoldenSourceTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static Compilation compileValidModels() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(ValidModels.restaurant());
        if (Boolean.getBoolean("multisession.updateGolden")) {
            updateGolden(compilation, "com.acme.",
                    List.of("Orderline_MultiSession", "Order_MultiSession", "RestaurantOrder_MultiSession"));
        }
        return compilation;
    }

    private static Compilation compilePolymorphicModels() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(ValidModels.bar());
        if (Boolean.getBoolean("multisession.updateGolden")) {
            updateGolden(compilation, "com.acme.bar.", List.of("Tab_MultiSession"));
        }
        return compilation;
    }

    private static void updateGolden(Compilation compilation, String packagePrefix, List<String> codecs) {
        for (String codec : codecs) {
            try {
                String source = compilation.generatedSourceFile(packagePrefix + codec).orElseThrow()
                        .getCharContent(true).toString();
                Files.writeString(GOLDEN.resolve(codec + ".java"), source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void compilesWithoutAnyWarning() {
        assertThat(compileValidModels()).succeededWithoutWarnings();
    }

    @Test
    void aPlainModelWithAccessorsAndACounter() {
        assertThat(compileValidModels())
                .generatedSourceFile("com.acme.Orderline_MultiSession")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/Orderline_MultiSession.java"));
    }

    @Test
    void anAbstractGenericModelTakesACodecForItsLineType() {
        assertThat(compileValidModels())
                .generatedSourceFile("com.acme.Order_MultiSession")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/Order_MultiSession.java"));
    }

    @Test
    void aSubclassBindsTheLineTypeAndSkipsTheClassInBetween() {
        assertThat(compileValidModels())
                .generatedSourceFile("com.acme.RestaurantOrder_MultiSession")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/RestaurantOrder_MultiSession.java"));
    }

    @Test
    void aPolymorphicFieldGoesThroughThePolymorphicCodec() {
        Compilation compilation = compilePolymorphicModels();
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("com.acme.bar.Tab_MultiSession")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/Tab_MultiSession.java"));
    }
}
