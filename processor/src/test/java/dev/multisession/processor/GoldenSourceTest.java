package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** The generated sources of representative models, compared with reviewed golden files. */
class GoldenSourceTest {

    private static Compilation compileValidModels() {
        return Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(
                        JavaFileObjects.forResource("models/valid/com/acme/Orderline.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/Order.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/RestaurantOrderline.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/DiscountedOrder.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/RestaurantOrder.java"));
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
    void aPolymorphicFieldGoesThroughThePolymorphicCodec() throws java.io.IOException {
        Compilation compilation = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(JavaFileObjects.forResource("models/valid/com/acme/bar/Tab.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/bar/Round.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/bar/CocktailRound.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/bar/Drink.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/bar/Beer.java"),
                        JavaFileObjects.forResource("models/valid/com/acme/bar/Wine.java"));
        assertThat(compilation).succeededWithoutWarnings();
        if (Boolean.getBoolean("golden.print")) {
            System.err.println("=== Tab_MultiSession\n" + compilation.generatedSourceFile("com.acme.bar.Tab_MultiSession")
                    .orElseThrow().getCharContent(true) + "=== end");
        }
        assertThat(compilation)
                .generatedSourceFile("com.acme.bar.Tab_MultiSession")
                .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/Tab_MultiSession.java"));
    }
}
