package dev.multisession.processor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/**
 * Writes the class-path resources the runtime finds polymorphic subtypes by, one small file each
 * so that nothing is aggregated and a subtype in another jar brings its own:
 * {@code META-INF/multisession/type-names/<binary name>} holds a class's type name, and
 * {@code META-INF/multisession/subtypes/<base binary name>/<type name>} the binary name of the
 * subtype. A base writes the entries of itself (when concrete) and of the subtypes it lists; a class
 * with {@code @MultiSessionTypeName} writes its own under every polymorphic supertype. Each file has
 * one originating element, the annotated class.
 */
final class SubtypeResources {

    static final String TYPE_NAMES = "META-INF/multisession/type-names/";
    static final String SUBTYPES = "META-INF/multisession/subtypes/";

    private final Filer filer;
    private final Elements elements;
    private final PolymorphicTypes polymorphic;
    /** Resources written in this compilation: a listed subtype may also name itself. */
    private final Set<String> written = new HashSet<>();

    SubtypeResources(Filer filer, Elements elements, SyncedFieldScanner scanner) {
        this.filer = filer;
        this.elements = elements;
        this.polymorphic = new PolymorphicTypes(scanner);
    }

    /** The entries of a base annotated {@code @MultiSessionSubtypes}: itself when concrete, and its listed subtypes. */
    void writeBase(TypeElement base) throws IOException {
        if (PolymorphicTypes.concrete(base)) {
            writeSubtype(base, base, base);
        }
        for (TypeElement subtype : polymorphic.listedSubtypes(base)) {
            writeSubtype(base, subtype, base);
        }
    }

    /** The entries of a class annotated {@code @MultiSessionTypeName}, under each polymorphic supertype. */
    void writeNamed(TypeElement type) throws IOException {
        for (TypeElement base : polymorphic.polymorphicAncestors(type)) {
            writeSubtype(base, type, type);
        }
    }

    private void writeSubtype(TypeElement base, TypeElement subtype, TypeElement origin) throws IOException {
        String binary = binaryName(subtype);
        write(TYPE_NAMES + binary, polymorphic.typeName(subtype), origin);
        write(SUBTYPES + binaryName(base) + "/" + polymorphic.typeName(subtype), binary, origin);
    }

    private void write(String resource, String content, TypeElement origin) throws IOException {
        if (!written.add(resource)) {
            return;
        }
        try (OutputStream out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource, origin)
                .openOutputStream()) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private String binaryName(TypeElement type) {
        return elements.getBinaryName(type).toString();
    }
}
