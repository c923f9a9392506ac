package dev.multisession.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The java.lang classes a package hides: a class of the package named {@code Override} or {@code String}
 * wins over java.lang's inside it, so the codec, written into the model's package, must name those in full.
 */
final class PackageShadows {

    private final Elements elements;
    /** What was found per package in this round: a package's models are written one after the other. */
    private final Map<PackageElement, List<String>> hidden = new HashMap<>();
    /**
     * The simple names of java.lang's classes, listed once: looking each class of a package up as
     * {@code java.lang.<name>} costs a search of every module for each name that is not there.
     */
    private Set<String> javaLang;

    PackageShadows(Elements elements) {
        this.elements = elements;
    }

    /** Starts a round: a later round may see classes of a package that were not there before. */
    void startRound() {
        hidden.clear();
    }

    /** The simple names of the classes of the model's package that are also names of java.lang classes. */
    List<String> javaLangNamesHiddenFrom(TypeElement model) {
        return hidden.computeIfAbsent(elements.getPackageOf(model), pkg ->
                ElementFilter.typesIn(pkg.getEnclosedElements()).stream()
                        .map(type -> type.getSimpleName().toString())
                        .filter(javaLangNames()::contains)
                        .sorted()
                        .toList());
    }

    private Set<String> javaLangNames() {
        if (javaLang == null) {
            PackageElement lang = elements.getPackageElement("java.lang");
            // none only where java.lang is not readable as a package (compiling java.base itself)
            javaLang = lang == null ? Set.of() : ElementFilter.typesIn(lang.getEnclosedElements()).stream()
                    .map(type -> type.getSimpleName().toString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return javaLang;
    }
}
