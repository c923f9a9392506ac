package dev.multisession.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Checks the declarations of polymorphic models: the subtypes a base lists with
 * {@code @MultiSessionSubtypes} (reported on the base), and a class that registers itself with
 * {@code @MultiSessionTypeName} (reported on that class): each subtype extends its base, can be
 * created, is a model and keeps the base's id; type names are valid and unique under a base.
 */
final class SubtypeValidator {

    private final DiagnosticReporter reporter;
    private final Types types;
    private final SyncedFieldScanner scanner;
    private final PolymorphicTypes polymorphic;

    SubtypeValidator(DiagnosticReporter reporter, Types types, SyncedFieldScanner scanner) {
        this.reporter = reporter;
        this.types = types;
        this.scanner = scanner;
        this.polymorphic = new PolymorphicTypes(scanner);
    }

    /** Checks a type annotated {@code @MultiSessionSubtypes}; true when nothing was wrong. */
    boolean validateBase(TypeElement base) {
        reporter.reportedSinceLastCheck();
        Optional<String> idKey = polymorphic.idKey(base);
        Map<String, TypeElement> names = new LinkedHashMap<>();
        if (PolymorphicTypes.concrete(base)) {
            checkName(base, base, base, names);
        }
        for (TypeElement subtype : polymorphic.listedSubtypes(base)) {
            if (!types.isSubtype(types.erasure(subtype.asType()), types.erasure(base.asType()))) {
                reporter.report(Message.SUBTYPE_NOT_SUBCLASS, base, subtype.getQualifiedName(), base.getQualifiedName(),
                        "listed in its @MultiSessionSubtypes");
                continue;
            }
            checkSubtype(base, subtype, base, idKey);
            checkName(base, subtype, base, names);
        }
        return !reporter.reportedSinceLastCheck();
    }

    /** Checks a class annotated {@code @MultiSessionTypeName}; true when nothing was wrong. */
    boolean validateNamed(TypeElement type) {
        reporter.reportedSinceLastCheck();
        var bases = polymorphic.polymorphicAncestors(type);
        if (bases.isEmpty() && !polymorphic.isPolymorphic(type)) {
            reporter.report(Message.SUBTYPE_NOT_SUBCLASS, type, type.getQualifiedName(),
                    "a polymorphic model", "it carries @MultiSessionTypeName, but no supertype has @MultiSessionSubtypes");
        }
        for (TypeElement base : bases) {
            checkSubtype(type, type, base, polymorphic.idKey(base));
            Map<String, TypeElement> names = new LinkedHashMap<>();
            if (PolymorphicTypes.concrete(base)) {
                names.put(polymorphic.typeName(base), base);
            }
            for (TypeElement listed : polymorphic.listedSubtypes(base)) {
                names.putIfAbsent(polymorphic.typeName(listed), listed);
            }
            checkName(type, type, base, names);
        }
        if (bases.isEmpty()) {
            checkName(type, type, type, new LinkedHashMap<>());
        }
        return !reporter.reportedSinceLastCheck();
    }

    private void checkSubtype(TypeElement reportOn, TypeElement subtype, TypeElement base, Optional<String> idKey) {
        if (!PolymorphicTypes.concrete(subtype)) {
            reporter.report(Message.SUBTYPE_ABSTRACT, reportOn, subtype.getQualifiedName(), base.getQualifiedName());
        } else if (!scanner.isModel(subtype)) {
            reporter.report(Message.SUBTYPE_NOT_MODEL, reportOn, subtype.getQualifiedName(), base.getQualifiedName());
        } else {
            Optional<String> own = polymorphic.idKeyOfModel(subtype);
            if (!own.equals(idKey)) {
                reporter.report(Message.SUBTYPE_ID, reportOn, subtype.getQualifiedName(), base.getQualifiedName(),
                        own.map(k -> "\"" + k + "\"").orElse("(none)"), idKey.map(k -> "\"" + k + "\"").orElse("no id"));
            }
        }
    }

    private void checkName(TypeElement reportOn, TypeElement type, TypeElement base, Map<String, TypeElement> names) {
        String name = polymorphic.typeName(type);
        if (!PolymorphicTypes.validName(name)) {
            reporter.report(Message.TYPE_NAME_INVALID, reportOn, name, type.getQualifiedName());
            return;
        }
        TypeElement previous = names.putIfAbsent(name, type);
        if (previous != null && !Objects.equals(previous, type)) {
            reporter.report(Message.TYPE_NAME_DUPLICATE, reportOn, name, type.getQualifiedName(),
                    previous.getQualifiedName(), base.getQualifiedName());
        }
    }
}
