package dev.multisession.processor;

import com.palantir.javapoet.AnnotationSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The annotations a codec carries that depend on the module of its model.
 *
 * <p>{@code @javax.annotation.processing.Generated} lives in module {@code java.compiler}. The class
 * path (the unnamed module) reads it whenever the JDK has it, but a named module reads it only if it
 * requires it, directly or through a {@code requires transitive}; there the annotation would make the
 * user add {@code requires static java.compiler} for a marker nothing reads at run time, so it is left
 * out, as other processors do. In a named module the codec also carries
 * {@code @SuppressWarnings("exports")}: its public methods name the runtime's and Jackson's types,
 * which {@code -Xlint:exports} would flag in an exported package unless the model's module required
 * them {@code transitive}, and {@code -Werror} would fail the build on a file the user cannot edit.
 */
final class CodecModuleAnnotations {

    static final String GENERATED_MODULE = "java.compiler";

    private static final AnnotationSpec GENERATED = AnnotationSpec.builder(RuntimeNames.GENERATED)
            .addMember("value", "$S", CodecWriter.PROCESSOR).build();
    private static final AnnotationSpec SUPPRESS_EXPORTS = AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "exports").build();

    private final Elements elements;
    /** Whether each named module reads {@code java.compiler}: asked once per module. */
    private final Map<ModuleElement, Boolean> readsCompiler = new HashMap<>();

    CodecModuleAnnotations(Elements elements) {
        this.elements = elements;
    }

    /** The module-dependent annotations of the codec of {@code model}. */
    List<AnnotationSpec> forCodecOf(TypeElement model) {
        ModuleElement module = elements.getModuleOf(model);
        if (module == null || module.isUnnamed()) {
            // the class path, or a compilation for a release without modules
            return elements.getTypeElement(RuntimeNames.GENERATED.canonicalName()) != null ? List.of(GENERATED) : List.of();
        }
        return readsCompiler.computeIfAbsent(module, CodecModuleAnnotations::reads)
                ? List.of(GENERATED, SUPPRESS_EXPORTS) : List.of(SUPPRESS_EXPORTS);
    }

    /** Whether {@code module} reads {@code java.compiler}: it requires it, or requires a module that requires it transitively. */
    private static boolean reads(ModuleElement module) {
        Deque<ModuleElement> toVisit = new ArrayDeque<>();
        Set<ModuleElement> seen = new HashSet<>();
        toVisit.add(module);
        while (!toVisit.isEmpty()) {
            ModuleElement current = toVisit.poll();
            if (!seen.add(current)) {
                continue;
            }
            for (RequiresDirective requires : ElementFilter.requiresIn(current.getDirectives())) {
                if (current != module && !requires.isTransitive()) {
                    continue;
                }
                ModuleElement required = requires.getDependency();
                if (required.getQualifiedName().contentEquals(GENERATED_MODULE)) {
                    return true;
                }
                toVisit.add(required);
            }
        }
        return false;
    }
}
