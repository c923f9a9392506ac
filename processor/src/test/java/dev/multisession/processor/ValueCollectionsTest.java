package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Maps and sets of values are described to the runtime as such, so that it merges them key by
 * key and value by value; lists and other values stay whole.
 */
class ValueCollectionsTest {

    private static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("shop." + name,
                "package shop;\nimport dev.multisession.annotations.*;\nimport java.util.*;\n" + body);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new MultiSessionProcessor()).withOptions("-Xlint:all,-processing")
                .compile(sources);
    }

    @Test
    void mapsAndSetsOfValuesAreDescribedElementWiseAndListsWhole() {
        Compilation compilation = compile(source("Tab", """
                public class Tab {
                  @MultiSessionId String uid;
                  @MultiSessionField Map<String, String> notes;
                  @MultiSessionField(merge = Merge.COUNTER) Map<String, Integer> covers;
                  @MultiSessionField Set<Integer> tables;
                  @MultiSessionField List<String> tags;
                }
                """));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.Tab_MultiSession").contentsAsUtf8String()
                .contains("fields.add(SyncedField.valueMap(\"notes\", Merge.LAST_WRITER_WINS));\n"
                        + "    fields.add(SyncedField.valueMap(\"covers\", Merge.COUNTER));\n"
                        + "    fields.add(SyncedField.valueSet(\"tables\"));\n"
                        + "    fields.add(SyncedField.value(\"tags\", Merge.LAST_WRITER_WINS));");
    }

    @Test
    void aCounterMapMustHoldNumbers() {
        JavaFileObject file = source("Tab", """
                public class Tab {
                  @MultiSessionField(merge = Merge.COUNTER) Map<String, String> notes;
                }
                """);

        assertThat(compile(file)).hadErrorContaining("[MS-COUNTER-NOT-NUMERIC]").inFile(file)
                .onLineContaining("Map<String, String> notes");
    }
}
