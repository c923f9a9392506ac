package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A class of the model's package hides the java.lang class of the same name from the codec, which
 * lives in that package: the codec names such java.lang classes in full.
 */
class PackageNamesTest {

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("shop." + name, "package shop;\n" + body);
    }

    @Test
    void classesOfTheModelsPackageNamedLikeJavaLangClassesDoNotHideThemFromTheCodec() {
        Compilation compilation = Compiler.javac().withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(source("Override", "/** A manager's override of a price. */\npublic class Override {}\n"),
                        source("Double", "public class Double {}\n"),
                        source("String", "public class String {}\n"),
                        source("Ticket", """
                                import dev.multisession.annotations.*;
                                public class Ticket {
                                  @MultiSessionId java.lang.String uid;
                                  @MultiSessionField private double price;
                                  public double getPrice() { return price; }
                                  public void setPrice(double price) { this.price = price; }
                                }
                                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.Ticket_MultiSession").contentsAsUtf8String()
                .contains("@java.lang.Override");
    }
}
