package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The misuses of polymorphic models, each reported on the offending element, and what a valid one writes. */
class PolymorphicDiagnosticsTest {

    private static final String IMPORTS = "import dev.multisession.annotations.*;\nimport java.util.*;\n";

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("shop." + name, "package shop;\n" + IMPORTS + body);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new MultiSessionProcessor()).compile(sources);
    }

    private static final JavaFileObject TAB = source("Tab", "public class Tab {\n  @MultiSessionId String uid;\n"
            + "  @MultiSessionField List<Round> rounds = new ArrayList<>();\n}\n");

    private static JavaFileObject round(String subtypes) {
        return source("Round", "@MultiSessionSubtypes({" + subtypes + "})\npublic class Round {\n"
                + "  @MultiSessionId String uid;\n  @MultiSessionField int glasses;\n}\n");
    }

    private static final JavaFileObject COCKTAIL = source("CocktailRound", "@MultiSessionTypeName(\"cocktail\")\n"
            + "public class CocktailRound extends Round {\n  @MultiSessionField String spirit;\n}\n");

    @Test
    void aValidPolymorphicModelCompilesAndNamesItsSubtypes() throws IOException {
        Compilation compilation = compile(TAB, round("CocktailRound.class"), COCKTAIL);
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
                        "META-INF/multisession/subtypes/shop.Round/cocktail").contentsAsUtf8String()
                .isEqualTo("shop.CocktailRound");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
                        "META-INF/multisession/subtypes/shop.Round/Round").contentsAsUtf8String()
                .isEqualTo("shop.Round");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
                        "META-INF/multisession/type-names/shop.CocktailRound").contentsAsUtf8String()
                .isEqualTo("cocktail");
        String codec = compilation.generatedSourceFile("shop.Tab_MultiSession").orElseThrow()
                .getCharContent(true).toString();
        assertTrue(codec.contains("PolymorphicCodec.of(Round.class, \"uid\")"), codec);
    }

    @Test
    void anExtensionSubtypeRegistersItselfWithoutBeingListed() {
        Compilation compilation = compile(TAB, round(""), COCKTAIL);
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "",
                        "META-INF/multisession/subtypes/shop.Round/cocktail").contentsAsUtf8String()
                .isEqualTo("shop.CocktailRound");
    }

    @Test
    void anAbstractElementTypeWithoutSubtypesPointsToTheAnnotation() {
        JavaFileObject drink = source("Drink", "public abstract class Drink {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject bar = source("Bar", "public class Bar {\n  @MultiSessionField List<Drink> drinks;\n}\n");
        assertThat(compile(drink, bar)).hadErrorContaining("[MS-ABSTRACT-TYPE] synced field 'drinks' holds shop.Drink")
                .inFile(bar).onLineContaining("List<Drink> drinks");
        assertThat(compile(drink, bar)).hadErrorContaining("@MultiSessionSubtypes({Sub.class, ...}) on it")
                .inFile(bar).onLineContaining("List<Drink> drinks");
    }

    @Test
    void anAbstractBaseWithSubtypesIsAccepted() {
        JavaFileObject drink = source("Drink", "@MultiSessionSubtypes({Beer.class})\n"
                + "public abstract class Drink {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject beer = source("Beer", "public class Beer extends Drink {\n  @MultiSessionField int pints;\n}\n");
        JavaFileObject bar = source("Bar", "public class Bar {\n  @MultiSessionField List<Drink> drinks;\n}\n");
        assertThat(compile(drink, beer, bar)).succeeded();
    }

    @Test
    void anInterfaceBaseWithSubtypesIsAccepted() {
        JavaFileObject drink = source("Drink", "@MultiSessionSubtypes({Beer.class, Wine.class})\npublic interface Drink {}\n");
        JavaFileObject beer = source("Beer", "public class Beer implements Drink {\n  @MultiSessionId String uid;\n"
                + "  @MultiSessionField int pints;\n}\n");
        JavaFileObject wine = source("Wine", "public class Wine implements Drink {\n  @MultiSessionId String uid;\n"
                + "  @MultiSessionField String grape;\n}\n");
        JavaFileObject bar = source("Bar", "public class Bar {\n  @MultiSessionField List<Drink> drinks;\n}\n");
        Compilation compilation = compile(drink, beer, wine, bar);
        assertThat(compilation).succeeded();
    }

    @Test
    void aMapOfAPolymorphicInterfaceIsStillRefused() {
        JavaFileObject drink = source("Drink", "@MultiSessionSubtypes({Beer.class})\npublic interface Drink {}\n");
        JavaFileObject beer = source("Beer", "public class Beer implements Drink {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject bar = source("Bar", "public class Bar {\n  @MultiSessionField Map<String, Drink> byTable;\n}\n");
        assertThat(compile(drink, beer, bar)).hadErrorContaining("[MS-ABSTRACT-TYPE] synced field 'byTable' holds"
                + " shop.Drink").inFile(bar).onLineContaining("Map<String, Drink> byTable");
    }

    @Test
    void aListedClassThatDoesNotExtendTheBase() {
        JavaFileObject other = source("Glass", "public class Glass {\n  @MultiSessionField int size;\n}\n");
        JavaFileObject base = round("Glass.class");
        assertThat(compile(TAB, base, other)).hadErrorContaining("[MS-SUBTYPE-NOT-SUBCLASS] shop.Glass is declared a"
                + " subtype of shop.Round").inFile(base).onLineContaining("public class Round");
    }

    @Test
    void aNamedClassWithoutAPolymorphicSupertype() {
        JavaFileObject lone = source("Lone", "@MultiSessionTypeName(\"lone\")\npublic class Lone {\n"
                + "  @MultiSessionField int size;\n}\n");
        assertThat(compile(lone)).hadErrorContaining("[MS-SUBTYPE-NOT-SUBCLASS] shop.Lone").inFile(lone)
                .onLineContaining("public class Lone");
    }

    @Test
    void anAbstractSubtype() {
        JavaFileObject special = source("SpecialRound", "public abstract class SpecialRound extends Round {\n"
                + "  @MultiSessionField String reason;\n}\n");
        JavaFileObject base = round("SpecialRound.class");
        assertThat(compile(TAB, base, special)).hadErrorContaining("[MS-SUBTYPE-ABSTRACT] subtype shop.SpecialRound of"
                + " shop.Round").inFile(base).onLineContaining("public class Round");
    }

    @Test
    void aSubtypeThatIsNoModel() {
        JavaFileObject drink = source("Drink", "@MultiSessionSubtypes({Water.class})\npublic interface Drink {}\n");
        JavaFileObject water = source("Water", "public class Water implements Drink {}\n");
        assertThat(compile(drink, water)).hadErrorContaining("[MS-SUBTYPE-NOT-MODEL] subtype shop.Water of shop.Drink")
                .inFile(drink).onLineContaining("public interface Drink");
    }

    @Test
    void aSubtypeWithAnotherId() {
        JavaFileObject drink = source("Drink", "@MultiSessionSubtypes({Beer.class, Wine.class})\npublic interface Drink {}\n");
        JavaFileObject beer = source("Beer", "public class Beer implements Drink {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject wine = source("Wine", "public class Wine implements Drink {\n  @MultiSessionId String code;\n}\n");
        assertThat(compile(drink, beer, wine)).hadErrorContaining("[MS-SUBTYPE-ID] subtype shop.Wine of shop.Drink has the"
                + " id key \"code\", but the elements of shop.Drink are selected by \"uid\"").inFile(drink)
                .onLineContaining("public interface Drink");
    }

    @Test
    void anExtensionSubtypeWithAnotherId() {
        JavaFileObject drink = source("Drink", "@MultiSessionSubtypes({Beer.class})\npublic interface Drink {}\n");
        JavaFileObject beer = source("Beer", "public class Beer implements Drink {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject wine = source("Wine", "@MultiSessionTypeName\npublic class Wine implements Drink {\n"
                + "  @MultiSessionId String code;\n}\n");
        assertThat(compile(drink, beer, wine)).hadErrorContaining("[MS-SUBTYPE-ID] subtype shop.Wine of shop.Drink")
                .inFile(wine).onLineContaining("public class Wine");
    }

    @Test
    void twoSubtypesOfOneName() {
        JavaFileObject happy = source("HappyRound", "@MultiSessionTypeName(\"cocktail\")\n"
                + "public class HappyRound extends Round {\n  @MultiSessionField int discount;\n}\n");
        JavaFileObject base = round("CocktailRound.class, HappyRound.class");
        assertThat(compile(TAB, base, COCKTAIL, happy)).hadErrorContaining("[MS-TYPE-NAME-DUPLICATE] type name"
                + " \"cocktail\" of shop.HappyRound is already the name of shop.CocktailRound among the subtypes of"
                + " shop.Round").inFile(base).onLineContaining("public class Round");
    }

    @Test
    void anInvalidTypeName() {
        JavaFileObject odd = source("OddRound", "@MultiSessionTypeName(\"odd/round\")\n"
                + "public class OddRound extends Round {\n  @MultiSessionField int discount;\n}\n");
        assertThat(compile(TAB, round(""), odd)).hadErrorContaining("[MS-TYPE-NAME-INVALID] type name \"odd/round\" of"
                + " shop.OddRound").inFile(odd).onLineContaining("public class OddRound");
    }

    @Test
    void aFieldWrittenUnderTheTypeKey() {
        JavaFileObject line = source("Line", "public class Line {\n  @MultiSessionField(\"@type\") String kind;\n}\n");
        assertThat(compile(line)).hadErrorContaining("[MS-TYPE-KEY-FIELD] synced field 'kind'").inFile(line)
                .onLineContaining("String kind");
    }

    @Test
    void everyNewIdIsInTheCatalogue() {
        for (String id : new String[] {"MS-SUBTYPE-NOT-SUBCLASS", "MS-SUBTYPE-ABSTRACT", "MS-SUBTYPE-NOT-MODEL",
                "MS-SUBTYPE-ID", "MS-TYPE-NAME-DUPLICATE", "MS-TYPE-NAME-INVALID", "MS-TYPE-KEY-FIELD"}) {
            assertEquals(1, java.util.Arrays.stream(Message.values()).filter(m -> m.id().equals(id)).count(), id);
        }
    }
}
