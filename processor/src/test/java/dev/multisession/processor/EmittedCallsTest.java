package dev.multisession.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.multisession.codec.abi.AbiMember;
import dev.multisession.codec.abi.BuiltInType;
import dev.multisession.codec.abi.BuiltInTypes;
import dev.multisession.codec.abi.CodecAbi;
import dev.multisession.codec.abi.RuntimeCalls;
import dev.multisession.codec.abi.RuntimeTypes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the processor emits and what the shared ABI table lists are the same set of runtime members:
 * a model with a field of every built-in type of the table and of every other kind of value is
 * compiled, and the runtime members its codecs call are read back from the generated sources. The
 * runtime's own test checks that every member of the table exists with its signature; together they
 * cover every call the processor can emit. The calls the runtime keeps only for codecs an earlier
 * processor wrote ({@link RuntimeCalls#keptForEarlierCodecs()}) are listed and no longer emitted.
 */
class EmittedCallsTest {

    private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.(\\w+);$", Pattern.MULTILINE);
    private static final Pattern HOOK = Pattern.compile("^\\s*protected void (\\w+)\\(", Pattern.MULTILINE);
    private static final Pattern CODEC_CONSTANT_CALL = Pattern.compile("(?:_CODEC|ValueCodecs\\.[A-Z_]+)\\.(\\w+)\\(");
    /** A call on the ancestor's codec a subclass's codec chains to: {@code ANCESTOR.exportInto(…)}. */
    private static final Pattern ANCESTOR_CALL =
            Pattern.compile("(?:\\bANCESTOR|\\bancestor|_MultiSession\\.INSTANCE)\\.(\\w+)\\(");

    @Test
    void everyEmittedRuntimeCallIsListedAndEveryListedMemberIsEmitted() throws IOException {
        Compilation compilation = Compiler.javac()
                .withProcessors(new MultiSessionProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(JavaFileObjects.forSourceString("com.acme.EveryKind", everyKindSource()),
                        JavaFileObjects.forSourceString("com.acme.EveryPrimitiveBySetter", everyPrimitiveBySetterSource()),
                        JavaFileObjects.forSourceString("com.acme.Part", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                public class Part {
                                    @MultiSessionId public String uid;
                                    @MultiSessionField public String name;
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.InheritedPart", """
                                package com.acme;
                                public class InheritedPart extends Part {}
                                """),
                        JavaFileObjects.forSourceString("com.acme.Box", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                import java.util.*;
                                public class Box<P extends Part> {
                                    @MultiSessionField public List<P> items = new ArrayList<>();
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.SpecialPart", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                public class SpecialPart extends Part {
                                    @MultiSessionField public String colour;
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.BigBox", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                public class BigBox extends Box<SpecialPart> {
                                    @MultiSessionField public String label;
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.Priced", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                import java.math.BigDecimal;
                                public class Priced {
                                    @MultiSessionField private BigDecimal price;
                                    @MultiSessionField private int qty;
                                    public BigDecimal getPrice() { return price; }
                                    public void setPrice(BigDecimal price) { this.price = price; }
                                    public int getQty() { return qty; }
                                    public void setQty(int qty) { this.qty = qty; }
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.Round", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                @MultiSessionSubtypes({CocktailRound.class})
                                public class Round {
                                    @MultiSessionId public String uid;
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.CocktailRound", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                public class CocktailRound extends Round {
                                    @MultiSessionField public String spirit;
                                }
                                """),
                        JavaFileObjects.forSourceString("com.acme.Tab", """
                                package com.acme;
                                import dev.multisession.annotations.*;
                                import java.util.*;
                                public class Tab {
                                    @MultiSessionField public List<Round> rounds = new ArrayList<>();
                                }
                                """));
        assertThat(compilation).succeededWithoutWarnings();

        Set<String> emitted = new TreeSet<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            emitted.addAll(runtimeMembersCalledBy(file.getCharContent(true).toString()));
        }
        Set<String> listed = CodecAbi.members().stream().map(EmittedCallsTest::describe)
                .collect(Collectors.toCollection(TreeSet::new));
        RuntimeCalls.keptForEarlierCodecs().forEach(kept -> listed.remove(describe(kept)));

        assertEquals(Set.of(), difference(emitted, listed), "emitted, but not in the ABI table");
        assertEquals(Set.of(), difference(listed, emitted), "in the ABI table, but never emitted");
    }

    /**
     * A field of every built-in type, a list of every built-in class (whose element codec is the
     * type's constant), and a field of every kind the table does not list by type.
     */
    private static String everyKindSource() {
        StringBuilder source = new StringBuilder("""
                package com.acme;
                import dev.multisession.annotations.*;
                import java.util.*;
                public class EveryKind {
                    public enum Heat { HOT, COLD }
                    @MultiSessionId public String uid;
                    @MultiSessionField public Heat heat;
                    @MultiSessionField public List<Heat> heats;
                    @MultiSessionField public Set<String> tags;
                    @MultiSessionField public Map<String, Integer> counts;
                    @MultiSessionField public Currency currency;
                    @MultiSessionField public Map<Integer, String> byTable;
                    @MultiSessionField public Part part;
                    @MultiSessionField public List<Part> parts;
                    @MultiSessionField public InheritedPart inherited;
                """);
        List<BuiltInType> types = BuiltInTypes.all();
        for (int i = 0; i < types.size(); i++) {
            BuiltInType type = types.get(i);
            source.append("    @MultiSessionField public ").append(type.typeName()).append(" value").append(i).append(";\n");
            if (!type.primitive()) {
                source.append("    @MultiSessionField public List<").append(type.typeName()).append("> list").append(i)
                        .append(";\n");
            }
        }
        return source.append("}\n").toString();
    }

    /** A field of every primitive built-in type, reached through a getter and a setter. */
    private static String everyPrimitiveBySetterSource() {
        StringBuilder source = new StringBuilder("""
                package com.acme;
                import dev.multisession.annotations.*;
                public class EveryPrimitiveBySetter {
                """);
        for (BuiltInType type : BuiltInTypes.all()) {
            if (type.primitive()) {
                String name = type.typeName();
                String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                source.append("    @MultiSessionField private ").append(name).append(" a").append(capitalised).append(";\n")
                        .append("    public ").append(name).append(" getA").append(capitalised).append("() { return a")
                        .append(capitalised).append("; }\n")
                        .append("    public void setA").append(capitalised).append("(").append(name).append(" value) { a")
                        .append(capitalised).append(" = value; }\n");
            }
        }
        return source.append("}\n").toString();
    }

    /** {@code ValueUpdates.applyInt}, {@code ValueCodec.toJson}, {@code GeneratedCodec.exportInto} … in one source. */
    private static List<String> runtimeMembersCalledBy(String source) {
        Map<String, String> runtimeImports = new HashMap<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String qualified = imports.group(1) + "." + imports.group(2);
            if (qualified.startsWith(RuntimeTypes.SPI_PACKAGE + ".")) {
                runtimeImports.put(imports.group(2), qualified);
            }
        }
        List<String> members = new ArrayList<>();
        for (Map.Entry<String, String> runtimeClass : runtimeImports.entrySet()) {
            Matcher uses = Pattern.compile("\\b" + runtimeClass.getKey() + "\\.(\\w+)").matcher(source);
            while (uses.find()) {
                if (!uses.group(1).equals("class")) {
                    members.add(runtimeClass.getValue() + "." + uses.group(1));
                }
            }
            if (source.contains("new " + runtimeClass.getKey() + "<")) {
                members.add(runtimeClass.getValue() + ".<init>");
            }
            if (source.contains("extends " + runtimeClass.getKey() + "<")) {
                // super(…) in the constructor, and the base class's protected hooks the codec implements
                members.add(runtimeClass.getValue() + ".<init>");
                Matcher hooks = HOOK.matcher(source);
                while (hooks.find()) {
                    members.add(runtimeClass.getValue() + "." + hooks.group(1));
                }
            }
        }
        Matcher constantCalls = CODEC_CONSTANT_CALL.matcher(source);
        while (constantCalls.find()) {
            members.add(RuntimeTypes.VALUE_CODEC + "." + constantCalls.group(1));
        }
        Matcher ancestorCalls = ANCESTOR_CALL.matcher(source);
        while (ancestorCalls.find()) {
            members.add(RuntimeTypes.GENERATED_CODEC + "." + ancestorCalls.group(1));
        }
        return members;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static String describe(AbiMember member) {
        return member.owner() + "." + member.name();
    }
}
