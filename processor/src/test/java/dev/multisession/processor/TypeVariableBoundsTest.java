package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Models with type variables whose bounds are generic or intersections. */
class TypeVariableBoundsTest {

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("shop." + name,
                "package shop;\nimport dev.multisession.annotations.*;\nimport java.util.*;\n" + body);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new MultiSessionProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
                .compile(sources);
    }

    @Test
    void variablesNotBoundedByModelsMayHaveAnyBound() {
        // no raw type fits such a bound, so INSTANCE's type leaves them open
        Compilation compilation = compile(source("Shelf", """
                public class Shelf<K extends Enum<K>, V, C extends Comparable<C>, S extends Number & Comparable<S>> {
                  @MultiSessionId String uid;
                  @MultiSessionField String name;
                  K kind;
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.Shelf_MultiSession").contentsAsUtf8String()
                .contains("public static final Shelf_MultiSession<?, ?, ?, ?> INSTANCE = new Shelf_MultiSession<>();");
    }

    private static final JavaFileObject LINE = source("Line", "public class Line {\n  @MultiSessionId String uid;\n}\n");
    private static final JavaFileObject FANCY_LINE = source("FancyLine", "public abstract class FancyLine extends Line {\n"
            + "  @MultiSessionField String garnish;\n}\n");
    private static final JavaFileObject ORDER = source("Order", "public abstract class Order<L extends Line> {\n"
            + "  @MultiSessionId String uid;\n  @MultiSessionField List<L> lines;\n}\n");

    @Test
    void aModelVariableBoundToAnAbstractModelIsAnErrorOnTheClassThatBindsIt() {
        // the ancestor's codec would be made with FancyLine's, which cannot create a received line
        JavaFileObject fancy = source("FancyOrder", "public class FancyOrder extends Order<FancyLine> {\n"
                + "  @MultiSessionField String table;\n}\n");
        JavaFileObject plain = source("PlainOrder", "public class PlainOrder extends Order<Line> {\n"
                + "  @MultiSessionField String table;\n}\n");
        Compilation compilation = compile(LINE, FANCY_LINE, ORDER, fancy, plain);
        assertThat(compilation).hadErrorContaining("[MS-ABSTRACT-TYPE-VARIABLE] type variable L of shop.Order stands for"
                + " shop.FancyLine, an abstract model, in the codec of shop.FancyOrder").inFile(fancy)
                .onLineContaining("public class FancyOrder");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aConcreteModelWhoseVariableIsBoundedByAnAbstractModelIsAnErrorOnTheVariable() {
        // an abstract model may leave the variable to its subclasses; a concrete one makes objects at the bound
        JavaFileObject tab = source("Tab", "public class Tab<F extends FancyLine> {\n"
                + "  @MultiSessionId String uid;\n  @MultiSessionField List<F> lines;\n}\n");
        JavaFileObject open = source("OpenTab", "public abstract class OpenTab<F extends FancyLine> {\n"
                + "  @MultiSessionId String uid;\n  @MultiSessionField List<F> lines;\n}\n");
        Compilation compilation = compile(LINE, FANCY_LINE, tab, open);
        assertThat(compilation).hadErrorContaining("[MS-ABSTRACT-TYPE-VARIABLE] type variable F of shop.Tab stands for"
                + " shop.FancyLine, an abstract model, in the codec of shop.Tab").inFile(tab)
                .onLineContaining("public class Tab");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aVariableBoundedByAModelAndMoreIsAnErrorOnTheVariable() {
        JavaFileObject line = source("Line", "public class Line {\n  @MultiSessionId String uid;\n}\n");
        JavaFileObject node = source("Node", "public class Node<N extends Node<N>> {\n  @MultiSessionId String uid;\n"
                + "  @MultiSessionField List<N> children;\n}\n");
        JavaFileObject tab = source("Tab", "public class Tab<L extends Line & java.io.Serializable> {\n"
                + "  @MultiSessionField List<L> lines;\n}\n");
        Compilation compilation = compile(line, node, tab);
        assertThat(compilation).hadErrorContaining("[MS-TYPE-VARIABLE-BOUND] type variable N of shop.Node is bounded by"
                + " shop.Node<N>").inFile(node).onLineContaining("public class Node");
        assertThat(compilation).hadErrorContaining("[MS-TYPE-VARIABLE-BOUND] type variable L of shop.Tab is bounded by"
                + " shop.Line & java.io.Serializable").inFile(tab).onLineContaining("public class Tab");
        assertThat(compilation).hadErrorCount(2);
    }
}
