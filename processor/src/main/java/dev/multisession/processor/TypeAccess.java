package dev.multisession.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds the classes in a field's type that the generated codec cannot name. The codec is a class of
 * its own in the model's package, so a type the model sees as its own private member, or as a
 * protected member of a superclass in another package, is out of its reach.
 */
final class TypeAccess {

    /** A class the codec cannot name, and why. */
    record Unreachable(TypeElement type, String reason) {}

    private final SyncedFieldScanner scanner;

    TypeAccess(SyncedFieldScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * The first class in the type (or in its type arguments, array components and wildcard bounds)
     * that code in {@code codecPackage} cannot name, or null. Models are not asked: generated code
     * reaches them through their own codecs, in their own packages.
     */
    Unreachable find(TypeMirror type, PackageElement codecPackage) {
        return TypeParts.first(type, part -> {
            if (part.getKind() != TypeKind.DECLARED) {
                return null;
            }
            TypeElement element = (TypeElement) ((DeclaredType) part).asElement();
            String reason = scanner.isModel(element) ? null : whyUnreachable(element, codecPackage);
            return reason == null ? null : new Unreachable(element, reason);
        });
    }

    private static String whyUnreachable(TypeElement type, PackageElement codecPackage) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            var modifiers = e.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE)) {
                return "private (or nested in a private class)";
            }
            if (!modifiers.contains(Modifier.PUBLIC) && !packageOf(e).equals(codecPackage)) {
                return modifiers.contains(Modifier.PROTECTED) ? "protected in another package"
                        : "package-private in another package";
            }
        }
        return null;
    }

    /** The package a class is declared in. */
    static PackageElement packageOf(Element element) {
        Element current = element;
        while (!(current instanceof PackageElement)) {
            current = current.getEnclosingElement();
        }
        return (PackageElement) current;
    }
}
