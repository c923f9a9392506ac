package dev.multisession.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/** Names of the generated codec classes: {@code Outer_Inner_MultiSession} beside the model. */
final class CodecNames {

    static final String SUFFIX = "_MultiSession";

    private CodecNames() {}

    static ClassName codecOf(TypeElement model) {
        ClassName name = ClassName.get(model);
        return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + SUFFIX);
    }

    static String qualifiedCodecOf(TypeElement model) {
        return codecOf(model).canonicalName();
    }
}
