package dev.multisession.runtime.codec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Finds the generated {@code <Simple>_MultiSession} class of a model type by name. */
final class CodecLocator {

    private CodecLocator() {}

    static MultiSessionCodec<?> locate(Class<?> type) {
        Class<?> generated = generatedClass(type);
        if (generated == null) {
            throw new IllegalArgumentException("No multisession codec for " + type.getName()
                    + ": it declares no @MultiSessionField, or the multisession processor did not run"
                    + " (add multisession-processor to the annotation processor path)");
        }
        try {
            Field instance = generated.getField("INSTANCE");
            if (!Modifier.isStatic(instance.getModifiers())) {
                throw new IllegalStateException(generated.getName() + ".INSTANCE is not static");
            }
            return (MultiSessionCodec<?>) instance.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + generated.getName() + ".INSTANCE", e);
        }
    }

    /** The generated class for {@code type}, or null if there is none. */
    static Class<?> generatedClass(Class<?> type) {
        try {
            return Class.forName(generatedName(type), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** {@code com.acme.Outer$Inner} becomes {@code com.acme.Outer_Inner_MultiSession}. */
    static String generatedName(Class<?> type) {
        String packageName = type.getPackageName();
        String binary = type.getName();
        String simpleChain = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
        String generatedSimple = simpleChain.replace('$', '_') + "_MultiSession";
        return packageName.isEmpty() ? generatedSimple : packageName + "." + generatedSimple;
    }
}
