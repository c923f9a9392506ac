package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One misuse per diagnostic id, reported on the offending element. */
class DiagnosticsTest {

    private static final String IMPORTS = "import dev.multisession.annotations.*;\nimport java.util.*;\n";

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("shop." + name, "package shop;\n" + IMPORTS + body);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new MultiSessionProcessor()).compile(sources);
    }

    @Test
    void privateFieldWithoutAccessors() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField private String note;\n"
                + "  public String getNote() { return note; }\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-PRIVATE-NO-ACCESSOR] private synced field 'note' has no"
                + " non-private setter").inFile(file).onLineContaining("private String note");
    }

    /** Lombok's annotations as they read to the processor, which matches them by name; Lombok itself does not run. */
    private static final JavaFileObject LOMBOK_GETTER = JavaFileObjects.forSourceString("lombok.Getter",
            "package lombok;\npublic @interface Getter {}\n");
    private static final JavaFileObject LOMBOK_SETTER = JavaFileObjects.forSourceString("lombok.Setter",
            "package lombok;\npublic @interface Setter {}\n");

    @Test
    void accessorsLombokNeverWrote() {
        JavaFileObject file = source("Line", "@lombok.Getter @lombok.Setter\npublic class Line {\n"
                + "  @MultiSessionField private String note;\n}\n");
        Compilation compilation = compile(LOMBOK_GETTER, LOMBOK_SETTER, file);
        assertThat(compilation).hadErrorContaining("[MS-ACCESSORS-TOO-LATE] private synced field 'note' has no"
                + " non-private getter and setter: its Lombok annotations ask for them").inFile(file)
                .onLineContaining("private String note");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anAccessorLombokIsNotAskedForIsStillMissing() {
        JavaFileObject file = source("Line", "public class Line {\n"
                + "  @lombok.Getter @MultiSessionField private String note;\n}\n");
        Compilation compilation = compile(LOMBOK_GETTER, file);
        assertThat(compilation).hadErrorContaining("[MS-PRIVATE-NO-ACCESSOR] private synced field 'note' has no"
                + " non-private getter and setter").inFile(file).onLineContaining("private String note");
    }

    @Test
    void finalField() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField final String note = \"\";\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-FINAL-FIELD]").inFile(file).onLineContaining("final String note");
    }

    @Test
    void staticField() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField static String note;\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-STATIC-FIELD]").inFile(file).onLineContaining("static String note");
    }

    @Test
    void idOfATypeThatCannotIdentify() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionId double uid;\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-ID-TYPE]").inFile(file).onLineContaining("double uid");
    }

    @Test
    void secondIdInTheHierarchy() {
        JavaFileObject base = source("Line", "public class Line {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject sub = source("BarLine", "public class BarLine extends Line {\n  @MultiSessionId String barUid;\n}\n");
        assertThat(compile(base, sub)).hadErrorContaining("[MS-ID-DUPLICATE]").inFile(sub).onLineContaining("barUid");
    }

    @Test
    void sameJsonKeyTwiceInTheHierarchy() {
        JavaFileObject base = source("Line", "public class Line {\n  @MultiSessionField(\"qty\") int quantity;\n}\n");
        JavaFileObject sub = source("BarLine", "public class BarLine extends Line {\n"
                + "  @MultiSessionField(\"qty\") int pours;\n}\n");
        assertThat(compile(base, sub)).hadErrorContaining("[MS-DUPLICATE-KEY] JSON key \"qty\" of field 'pours' is already"
                + " used by field 'quantity' of shop.Line").inFile(sub).onLineContaining("int pours");
    }

    @Test
    void counterOnANonNumericField() {
        JavaFileObject file = source("Line", "public class Line {\n"
                + "  @MultiSessionField(merge = Merge.COUNTER) String note;\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-COUNTER-NOT-NUMERIC]").inFile(file).onLineContaining("String note");
    }

    @Test
    void noUsableNoArgConstructor() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField String note;\n"
                + "  public Line(String note) { this.note = note; }\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-NO-CONSTRUCTOR]").inFile(file).onLineContaining("public class Line");
    }

    @Test
    void aNoArgConstructorThatThrowsACheckedExceptionIsAnErrorOnTheClass() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField String note;\n"
                + "  public Line() throws java.io.IOException {}\n}\n");
        JavaFileObject unchecked = source("Course", "public class Course {\n  @MultiSessionField String name;\n"
                + "  public Course() throws IllegalStateException {}\n}\n");
        Compilation compilation = compile(file, unchecked);
        assertThat(compilation).hadErrorContaining("[MS-CONSTRUCTOR-THROWS] the no-arg constructor of model shop.Line"
                + " declares the checked exception java.io.IOException").inFile(file).onLineContaining("public Line()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nonStaticInnerClass() {
        JavaFileObject file = source("Menu", "public class Menu {\n  public class Dish {\n"
                + "    @MultiSessionField String name;\n  }\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-INNER-CLASS]").inFile(file).onLineContaining("public class Dish");
    }

    @Test
    void privateNestedClass() {
        JavaFileObject file = source("Menu", "public class Menu {\n  private static class Dish {\n"
                + "    @MultiSessionField String name;\n  }\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-PRIVATE-CLASS]").inFile(file)
                .onLineContaining("private static class Dish");
        // its implicit constructor is private only because the class is: no second error about it
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anEnumIsRefusedOnceWithWhatToDoInstead() {
        JavaFileObject file = source("Course", "public enum Course {\n  STARTER, MAIN;\n"
                + "  @MultiSessionField String label;\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-ENUM-MODEL] model shop.Course is an enum").inFile(file)
                .onLineContaining("public enum Course");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void typeVariableNotBoundedByAModel() {
        JavaFileObject file = source("Box", "public class Box<V> {\n  @MultiSessionField V content;\n}\n");
        assertThat(compile(file)).hadErrorContaining("[MS-TYPE-VARIABLE]").inFile(file).onLineContaining("V content");
    }

    @Test
    void superclassWhoseCodecNeverAppears() {
        // The superclass comes from the class path of this compilation but was compiled without the processor.
        JavaFileObject sub = source("Special", "public class Special extends dev.multisession.processor.fixture.Unprocessed {\n"
                + "  @MultiSessionField String extra;\n}\n");
        assertThat(compile(sub)).hadErrorContaining("[MS-SUPERCLASS-NOT-GENERATED]").inFile(sub)
                .onLineContaining("public class Special");
    }

    @Test
    void aHandWrittenClassWithTheCodecsNameIsAClashOnTheModel() {
        JavaFileObject model = source("Line", "public class Line {\n  @MultiSessionField String note;\n}\n");
        JavaFileObject clash = source("Line_MultiSession", "public class Line_MultiSession {}\n");
        Compilation compilation = compile(model, clash);
        assertThat(compilation).hadErrorContaining("[MS-CODEC-NAME-CLASH] the codec of shop.Line would be"
                + " shop.Line_MultiSession, a name already taken by a class of the sources").inFile(model)
                .onLineContaining("public class Line");
        assertNoStackTrace(compilation);
    }

    @Test
    void twoModelsWithOneCodecNameAreAClashOnTheSecond() {
        JavaFileObject nested = source("Bar", "public class Bar {\n  public static class Line {\n"
                + "    @MultiSessionField String note;\n  }\n}\n");
        JavaFileObject flat = source("Bar_Line", "public class Bar_Line {\n  @MultiSessionField String note;\n}\n");
        Compilation compilation = compile(nested, flat);
        assertThat(compilation).hadErrorContaining("[MS-CODEC-NAME-CLASH] the codec of shop.Bar_Line would be"
                + " shop.Bar_Line_MultiSession, a name already taken by shop.Bar.Line").inFile(flat)
                .onLineContaining("public class Bar_Line");
        assertNoStackTrace(compilation);
    }

    @Test
    void aRecordIsRefusedOnceWithWhatToDoInstead() {
        JavaFileObject file = source("Line", "public record Line(@MultiSessionId String uid,"
                + " @MultiSessionField String note) {}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-RECORD-MODEL] model shop.Line is a record").inFile(file)
                .onLineContaining("public record Line");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRawTypeIsAnErrorOnTheField() {
        JavaFileObject file = source("Line", "public class Line {\n  @SuppressWarnings(\"rawtypes\")\n"
                + "  @MultiSessionField List tags;\n  @MultiSessionField Map<String, List> more;\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-RAW-TYPE] synced field 'tags' has the raw type java.util.List")
                .inFile(file).onLineContaining("List tags");
        assertThat(compilation).hadErrorContaining("[MS-RAW-TYPE] synced field 'more'").inFile(file)
                .onLineContaining("List> more");
    }

    @Test
    void aCollectionOfAnInterfaceOrOfAnAbstractModelIsAnErrorOnTheField() {
        JavaFileObject shape = source("Shape", "public interface Shape {}\n");
        JavaFileObject round = source("Round", "public abstract class Round {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject table = source("Table", "public class Table {\n  @MultiSessionField List<Shape> shapes;\n"
                + "  @MultiSessionField List<Round> rounds;\n  @MultiSessionField Map<String, Shape> byName;\n"
                + "  @MultiSessionField Collection<String> names;\n}\n");
        Compilation compilation = compile(shape, round, table);
        assertThat(compilation).hadErrorContaining("[MS-ABSTRACT-TYPE] synced field 'shapes' holds shop.Shape, an"
                + " interface or abstract class").inFile(table).onLineContaining("List<Shape> shapes");
        assertThat(compilation).hadErrorContaining("[MS-ABSTRACT-TYPE] synced field 'rounds' holds shop.Round")
                .inFile(table).onLineContaining("List<Round> rounds");
        assertThat(compilation).hadErrorContaining("[MS-ABSTRACT-TYPE] synced field 'byName' holds shop.Shape")
                .inFile(table).onLineContaining("Map<String, Shape> byName");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void anInterfaceThatNamesItsSubtypesToJacksonIsAValue() {
        JavaFileObject shape = source("Shape", "@com.fasterxml.jackson.annotation.JsonTypeInfo(use ="
                + " com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS)\npublic interface Shape {}\n");
        JavaFileObject table = source("Table", "public class Table {\n  @MultiSessionField List<Shape> shapes;\n}\n");
        assertThat(compile(shape, table)).succeeded();
    }

    @Test
    void aJacksonTreeIsAValueThoughItsClassIsAbstract() {
        JavaFileObject table = source("Table", "public class Table {\n"
                + "  @MultiSessionField com.fasterxml.jackson.databind.JsonNode extras;\n}\n");
        assertThat(compile(table)).succeeded();
    }

    @Test
    void aPrivateNestedValueTypeIsAnErrorOnTheFieldNotInTheCodec() {
        JavaFileObject file = source("Order", "public class Order {\n  private enum Status { OPEN, PAID }\n"
                + "  private static class Note { public String text; }\n"
                + "  @MultiSessionField Status status;\n  @MultiSessionField Map<String, List<Status>> history;\n"
                + "  @MultiSessionField Note note;\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-TYPE-NOT-ACCESSIBLE] synced field 'status' holds"
                + " shop.Order.Status, which is private (or nested in a private class), so its codec"
                + " shop.Order_MultiSession cannot name it").inFile(file).onLineContaining("Status status");
        assertThat(compilation).hadErrorContaining("[MS-TYPE-NOT-ACCESSIBLE] synced field 'history' holds"
                + " shop.Order.Status").inFile(file).onLineContaining("history");
        assertThat(compilation).hadErrorContaining("[MS-TYPE-NOT-ACCESSIBLE] synced field 'note' holds"
                + " shop.Order.Note").inFile(file).onLineContaining("Note note");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void aProtectedNestedValueTypeOfASuperclassInAnotherPackageIsAnErrorOnTheField() {
        JavaFileObject base = JavaFileObjects.forSourceString("base.BaseOrder", "package base;\n" + IMPORTS
                + "public class BaseOrder {\n  protected enum State { OPEN, PAID }\n"
                + "  protected static class Line {\n    @MultiSessionId public String uid;\n    public Line() {}\n  }\n}\n");
        JavaFileObject sub = source("ShopOrder", "public class ShopOrder extends base.BaseOrder {\n"
                + "  @MultiSessionField State[] states;\n  @MultiSessionField List<Line> lines;\n}\n");
        Compilation compilation = compile(base, sub);
        assertThat(compilation).hadErrorContaining("[MS-TYPE-NOT-ACCESSIBLE] synced field 'states' holds"
                + " base.BaseOrder.State, which is protected in another package, so its codec"
                + " shop.ShopOrder_MultiSession cannot name it").inFile(sub).onLineContaining("State[] states");
        // a nested model is reached through its own codec, in its own package: never named
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aModelWhereOnlyJacksonWouldConvertItIsAnErrorOnTheField() {
        // Jackson sees none of Line's package-private synced fields: they would be dropped from the JSON
        JavaFileObject line = source("Line", "public class Line {\n  @MultiSessionId String uid;\n"
                + "  @MultiSessionField(\"qty\") int quantity;\n}\n");
        JavaFileObject box = source("Box", "public class Box<L extends Line> {\n  @MultiSessionField List<L> lines;\n}\n");
        JavaFileObject order = source("Order", "public class Order<L extends Line> {\n"
                + "  @MultiSessionField Map<String, Line> byName;\n  @MultiSessionField Line[] asArray;\n"
                + "  @MultiSessionField Map<String, List<Line>> byCourse;\n  @MultiSessionField Box<Line> box;\n"
                + "  @MultiSessionField Map<String, L> byKey;\n"
                + "  @MultiSessionField List<Line> lines;\n  @MultiSessionField Line first;\n}\n");
        Compilation compilation = compile(line, box, order);
        assertThat(compilation).hadErrorContaining("[MS-MODEL-AS-VALUE] synced field 'byName' holds the model shop.Line"
                + " inside java.util.Map<java.lang.String,shop.Line>, which Jackson data binding converts")
                .inFile(order).onLineContaining("byName");
        assertThat(compilation).hadErrorContaining("[MS-MODEL-AS-VALUE] synced field 'asArray' holds the model"
                + " shop.Line").inFile(order).onLineContaining("asArray");
        assertThat(compilation).hadErrorContaining("[MS-MODEL-AS-VALUE] synced field 'byCourse' holds the model"
                + " shop.Line").inFile(order).onLineContaining("byCourse");
        assertThat(compilation).hadErrorContaining("[MS-MODEL-AS-VALUE] synced field 'box' holds the model"
                + " shop.Box").inFile(order).onLineContaining("Box<Line> box");
        assertThat(compilation).hadErrorContaining("[MS-MODEL-AS-VALUE] synced field 'byKey' holds the model L")
                .inFile(order).onLineContaining("byKey");
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    void aPrivateFieldHidingAnAncestorsWhoseAccessorsItOverridesIsAnErrorOnTheField() {
        // Order's codec calls getNote()/setNote(), which BarOrder overrides: "note" would carry bar_note's value
        JavaFileObject base = source("Order", "public class Order {\n  @MultiSessionField private String note;\n"
                + "  public String getNote() { return note; }\n  public void setNote(String note) { this.note = note; }\n}\n");
        JavaFileObject sub = source("BarOrder", "public class BarOrder extends Order {\n"
                + "  @MultiSessionField(\"bar_note\") private String note;\n"
                + "  @Override public String getNote() { return note; }\n"
                + "  @Override public void setNote(String note) { this.note = note; }\n}\n");
        Compilation compilation = compile(base, sub);
        assertThat(compilation).hadErrorContaining("[MS-HIDDEN-FIELD] synced field 'note' hides synced field 'note' of"
                + " shop.Order and overrides its accessors getNote()/setNote(value)").inFile(sub)
                .onLineContaining("private String note");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFieldHidingAnAncestorsWithoutSharingItsAccessorsIsSynced() {
        JavaFileObject base = source("Order", "public class Order {\n  @MultiSessionField private String note;\n"
                + "  public String getNote() { return note; }\n  public void setNote(String note) { this.note = note; }\n}\n");
        JavaFileObject sub = source("BarOrder", "public class BarOrder extends Order {\n"
                + "  @MultiSessionField(\"bar_note\") String note;\n}\n");
        assertThat(compile(base, sub)).succeeded();
    }

    @Test
    void anOptionalIsAnErrorOnTheFieldWhereverItIs() {
        // Jackson's data binding refuses Optional without a module the runtime does not have: export would fail
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField Optional<String> note;\n"
                + "  @MultiSessionField OptionalInt covers;\n  @MultiSessionField Map<String, Optional<Integer>> extras;\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-OPTIONAL] synced field 'note' holds java.util.Optional")
                .inFile(file).onLineContaining("Optional<String> note");
        assertThat(compilation).hadErrorContaining("[MS-OPTIONAL] synced field 'covers' holds java.util.OptionalInt")
                .inFile(file).onLineContaining("OptionalInt covers");
        assertThat(compilation).hadErrorContaining("[MS-OPTIONAL] synced field 'extras' holds java.util.Optional")
                .inFile(file).onLineContaining("extras");
        assertThat(compilation).hadErrorCount(3);
    }

    @Test
    void aValueOfANonStaticInnerClassIsAnErrorOnTheField() {
        // Jackson writes it, but cannot create one without an object of the enclosing class: init would fail
        JavaFileObject file = source("Order", "public class Order {\n  public class Note { public String text; }\n"
                + "  public static class Tip { public int cents; }\n"
                + "  @MultiSessionField Note note;\n  @MultiSessionField Map<String, Note> notes;\n"
                + "  @MultiSessionField Tip tip;\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("[MS-INNER-CLASS-VALUE] synced field 'note' holds shop.Order.Note,"
                + " a non-static inner class").inFile(file).onLineContaining("Note note");
        assertThat(compilation).hadErrorContaining("[MS-INNER-CLASS-VALUE] synced field 'notes' holds shop.Order.Note")
                .inFile(file).onLineContaining("notes");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aModelThatOnlyInheritsItsFieldsAndCannotBeConstructedIsAnErrorOnTheFieldHoldingIt() {
        // the runtime makes such a model's objects through its no-arg constructor, whatever its access
        JavaFileObject line = source("Line", "public class Line {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject barLine = source("BarLine", "public class BarLine extends Line {\n"
                + "  public BarLine(String uid) { this.uid = uid; }\n}\n");
        JavaFileObject proxy = source("ProxyLine", "public class ProxyLine extends Line {\n  private ProxyLine() {}\n}\n");
        JavaFileObject tab = source("Tab", "public class Tab {\n  @MultiSessionField List<BarLine> lines;\n"
                + "  @MultiSessionField BarLine main;\n  @MultiSessionField List<ProxyLine> proxies;\n}\n");
        Compilation compilation = compile(line, barLine, proxy, tab);
        assertThat(compilation).hadErrorContaining("[MS-HELD-MODEL-NO-CONSTRUCTOR] synced field 'lines' holds shop.BarLine,"
                + " a model without a no-arg constructor").inFile(tab).onLineContaining("List<BarLine> lines");
        assertThat(compilation).hadErrorContaining("[MS-HELD-MODEL-NO-CONSTRUCTOR] synced field 'main' holds"
                + " shop.BarLine").inFile(tab).onLineContaining("BarLine main");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aBoxedBooleanIsReachedThroughItsIsGetter() {
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField private Boolean paid;\n"
                + "  public Boolean isPaid() { return paid; }\n  public void setPaid(Boolean paid) { this.paid = paid; }\n}\n");
        Compilation compilation = Compiler.javac().withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror").compile(file);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.Line_MultiSession").contentsAsUtf8String()
                .contains("model.isPaid()");
    }

    @Test
    void aBooleanNamedIsXIsReachedThroughIsXAndSetX() {
        // what Lombok and IDEs write for a primitive boolean whose name starts with "is"
        JavaFileObject file = source("Line", "public class Line {\n  @MultiSessionField private boolean isPaid;\n"
                + "  public boolean isPaid() { return isPaid; }\n  public void setPaid(boolean paid) { this.isPaid = paid; }\n}\n");
        Compilation compilation = compile(file);
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("shop.Line_MultiSession").contentsAsUtf8String()
                .contains("model.setPaid(");
    }

    private static void assertNoStackTrace(Compilation compilation) {
        compilation.errors().forEach(error -> assertTrue(!error.getMessage(null).contains("\tat "),
                error.getMessage(null)));
    }

    @Test
    void allErrorsOfAClassAreReportedAndOtherClassesStillGetCodecs(@TempDir Path output) throws Exception {
        JavaFileObject bad = source("Bad", "public class Bad {\n  @MultiSessionField final String a = \"\";\n"
                + "  @MultiSessionField static int b;\n}\n");
        JavaFileObject good = source("Good", "public class Good {\n  @MultiSessionField String a;\n}\n");
        assertThat(compile(bad, good)).hadErrorCount(2);

        // compile-testing hides generated files of a failed compilation, so run javac directly for this one.
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task = javac.getTask(null, null, diagnostics,
                List.of("-d", output.toString(), "-s", output.toString()), null, List.of(bad, good));
        task.setProcessors(List.of(new MultiSessionProcessor()));
        task.call();
        assertTrue(Files.exists(output.resolve("shop/Good_MultiSession.java")), diagnostics.getDiagnostics().toString());
        assertTrue(Files.notExists(output.resolve("shop/Bad_MultiSession.java")));
    }

    @Test
    void everyMessageHasADistinctBracketedIdAndAHint() {
        Set<String> ids = Arrays.stream(Message.values()).map(Message::id).collect(Collectors.toSet());
        assertEquals(Message.values().length, ids.size());
        for (Message message : Message.values()) {
            String text = message.format("a", "B", "c", "d");
            assertTrue(text.startsWith("[MS-") && text.contains(". Fix: "), text);
        }
    }
}
