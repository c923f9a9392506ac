package dev.multisession.processor;

import dev.multisession.processor.ModelClass.ModelBinding;
import dev.multisession.processor.ModelClass.SuperCall;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the type variables bounded by models, of a model and of the ancestor it binds: the codec of such a
 * variable is made with the codec of its bound, or of the model the class binds it to.
 */
final class TypeVariableValidator {

    private final DiagnosticReporter reporter;
    private final TypeClassifier classifier;

    TypeVariableValidator(DiagnosticReporter reporter, TypeClassifier classifier) {
        this.reporter = reporter;
        this.classifier = classifier;
    }

    /**
     * A variable bounded by a model gets the codec of its bound in {@code INSTANCE}, which must fit the bound, and
     * which makes the objects a concrete model receives for it.
     */
    void check(ModelClass model) {
        TypeElement type = model.element();
        for (TypeParameterElement variable : type.getTypeParameters()) {
            List<? extends TypeMirror> bounds = variable.getBounds();
            TypeMirror first = bounds.get(0);
            if (!model.boundCodecs().containsKey(variable.getSimpleName().toString())) {
                continue; // not bounded by a model: left open in INSTANCE, nothing to check
            }
            boolean generic = first.getKind() == TypeKind.DECLARED && !((DeclaredType) first).getTypeArguments().isEmpty();
            if (bounds.size() > 1 || generic) {
                reporter.report(Message.TYPE_VARIABLE_BOUND, variable, variable.getSimpleName(), type.getQualifiedName(),
                        String.join(" & ", bounds.stream().map(TypeMirror::toString).toList()));
            } else if (!model.facts().isAbstract()) {
                String uncreatable = classifier.uncreatable(first);
                if (uncreatable != null) {
                    reporter.report(Message.ABSTRACT_TYPE_VARIABLE, variable, variable.getSimpleName(),
                            type.getQualifiedName(), uncreatable, type.getQualifiedName());
                }
            }
        }
        // a binding is final for every subclass, abstract or not
        for (ModelBinding binding : model.superCall().map(SuperCall::modelBindings).orElse(List.of())) {
            String uncreatable = classifier.uncreatable(binding.argument());
            if (uncreatable != null) {
                reporter.report(Message.ABSTRACT_TYPE_VARIABLE, type, binding.variable(), binding.ancestor(), uncreatable,
                        type.getQualifiedName());
            }
        }
    }
}
