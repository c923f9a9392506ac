package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/** Each value field's codec constant has a name of its own, however the model names its fields. */
class CodecConstantNamesTest {

    @Test
    void fieldsWhoseNamesReadAlikeInCapitalsGetConstantsOfTheirOwn() {
        Compilation compilation = Compiler.javac().withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing", "-Werror")
                .compile(JavaFileObjects.forSourceString("shop.Order", """
                        package shop;
                        import dev.multisession.annotations.*;
                        import java.util.*;
                        public class Order {
                          @MultiSessionField List<Locale> orderNo;
                          @MultiSessionField("order_no") List<Currency> order_no;
                          @MultiSessionField("ORDER_NO") Locale ORDER_NO;
                        }
                        """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.Order_MultiSession").contentsAsUtf8String()
                .contains("json.set(\"orderNo\", ORDER_NO_CODEC.toJson(model.orderNo));\n"
                        + "    json.set(\"order_no\", ORDER_NO_CODEC_2.toJson(model.order_no));\n"
                        + "    json.set(\"ORDER_NO\", ORDER_NO_CODEC_3.toJson(model.ORDER_NO));");
    }
}
