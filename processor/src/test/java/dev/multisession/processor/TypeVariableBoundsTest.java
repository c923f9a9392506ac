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
