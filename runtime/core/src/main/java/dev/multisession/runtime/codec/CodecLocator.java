package dev.multisession.runtime.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Finds the generated {@code <Simple>_MultiSession} class of a model type by name.
 *
 * <p>For a class that only inherits synced fields it wraps the nearest generated ancestor's codec
 * in an {@link InheritingCodec}; when the ancestor has model type variables it wraps, instead of
 * the ancestor's {@code INSTANCE}, an instance made once through the ancestor codec's public
 * constructor, which takes, for each of those variables, the codec of the type the class binds it
 * to. Before it touches a generated class it checks the ABI version the
 * class was generated for ({@link CodecAbiCheck}). Reflection happens here, at lookup time only.
 */
final class CodecLocator {

    private CodecLocator() {}

    static MultiSessionCodec<?> locate(Class<?> type) {
        Class<?> nearestCodec = null;
        Class<?> nearestModel = null;
        // Every generated codec of the chain is checked, not only the nearest: a subclass codec calls
        // its ancestors' static code, which may sit in an older jar.
        for (Class<?> model = type; model != null && model != Object.class; model = model.getSuperclass()) {
            Class<?> codec = generatedClass(model);
            if (codec != null) {
                CodecAbiCheck.verify(codec, model);
                if (nearestCodec == null) {
                    nearestCodec = codec;
                    nearestModel = model;
                }
            }
        }
        if (nearestCodec == null) {
            throw new IllegalArgumentException("No multisession codec for " + type.getName()
                    + ": neither it nor a superclass declares a @MultiSessionField, or the multisession processor did"
                    + " not run (add multisession-processor to the annotation processor path)");
        }
        return nearestModel == type ? instance(nearestCodec) : derive(type, nearestModel, nearestCodec);
    }

    /**
     * The generated class for {@code type}, or null if there is none. It is not initialised yet: its
     * ABI version is checked first, as the static initialiser of a codec for another ABI may not link.
     */
    static Class<?> generatedClass(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isInterface()) {
            return null;
        }
        try {
            return Class.forName(generatedName(type), false, type.getClassLoader());
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

    private static MultiSessionCodec<?> instance(Class<?> generated) {
        try {
            Field instance = generated.getField("INSTANCE");
            if (!Modifier.isStatic(instance.getModifiers())) {
                throw new IllegalStateException(generated.getName() + ".INSTANCE is not static");
            }
            return (MultiSessionCodec<?>) instance.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(cannotReach(generated, "INSTANCE"), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + generated.getName() + ".INSTANCE", e);
        }
    }

    private static MultiSessionCodec<?> derive(Class<?> type, Class<?> ancestor, Class<?> ancestorCodec) {
        Constructor<?> bound = boundConstructor(ancestorCodec);
        if (bound == null) {
            // The ancestor has no model type variables: its own codec handles the inherited fields.
            return inheriting(type, constructor(type), instance(ancestorCodec));
        }
        Type[] parameters = bound.getGenericParameterTypes();
        Object[] arguments = new Object[parameters.length];
        Map<String, Type> bindings = bindings(type, ancestor);
        for (int i = 0; i < parameters.length; i++) {
            String variable = codecVariable(parameters[i], ancestorCodec);
            arguments[i] = MultiSessionCodecs.forClass(rawClass(bindings.get(variable), variable, type));
        }
        try {
            return inheriting(type, constructor(type), (MultiSessionCodec<?>) bound.newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot derive the codec of " + type.getName() + " from "
                    + ancestorCodec.getName(), e.getCause());
        } catch (InstantiationException e) {
            throw new IllegalStateException("Cannot derive the codec of " + type.getName() + " from "
                    + ancestorCodec.getName(), e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(cannotReach(ancestorCodec, "<init>"), e);
        }
    }

    /** Why a public member of a generated codec cannot be used: its package is not exported to the runtime. */
    static String cannotReach(Class<?> codec, String member) {
        return "The multisession runtime cannot use " + codec.getName() + "." + member + " (package "
                + codec.getPackageName() + " of " + CodecAbiCheck.origin(codec) + " is not exported to it): "
                + ModuleAdvice.toReach(codec, true);
    }

    /**
     * The ancestor codec's public constructor taking a codec per model type variable, or null if it has
     * none (its only instance is then {@code INSTANCE}).
     */
    private static Constructor<?> boundConstructor(Class<?> ancestorCodec) {
        for (Constructor<?> constructor : ancestorCodec.getConstructors()) {
            if (constructor.getParameterCount() > 0) {
                return constructor;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> MultiSessionCodec<T> inheriting(Class<T> type, Supplier<?> constructor,
            MultiSessionCodec<?> ancestor) {
        // The ancestor codec's model type is a superclass of type, as the caller found it walking up.
        return new InheritingCodec<>(type, (Supplier<? extends T>) constructor, (MultiSessionCodec<? super T>) ancestor);
    }

    /** The name of the type variable in a {@code MultiSessionCodec<L>} constructor parameter. */
    private static String codecVariable(Type parameter, Class<?> ancestorCodec) {
        if (parameter instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof TypeVariable<?> variable) {
            return variable.getName();
        }
        throw new IllegalStateException("Unexpected constructor parameter " + parameter + " of "
                + ancestorCodec.getName());
    }

    /** The type each type variable of {@code ancestor} (by name) stands for, seen from {@code type}. */
    private static Map<String, Type> bindings(Class<?> type, Class<?> ancestor) {
        Map<TypeVariable<?>, Type> resolved = new HashMap<>();
        Class<?> current = type;
        while (current != ancestor) {
            Type superType = current.getGenericSuperclass();
            Class<?> superClass = current.getSuperclass();
            if (superType instanceof ParameterizedType parameterized) {
                TypeVariable<?>[] variables = superClass.getTypeParameters();
                Type[] actual = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    Type argument = actual[i];
                    resolved.put(variables[i], argument instanceof TypeVariable<?> v && resolved.containsKey(v)
                            ? resolved.get(v) : argument);
                }
            }
            current = superClass;
        }
        Map<String, Type> byName = new HashMap<>();
        for (TypeVariable<?> variable : ancestor.getTypeParameters()) {
            byName.put(variable.getName(), resolved.getOrDefault(variable, variable));
        }
        return byName;
    }

    /** The class a bound type stands for; an unbound (or raw) variable stands for its bound. */
    private static Class<?> rawClass(Type bound, String variable, Class<?> type) {
        if (bound instanceof Class<?> c) {
            return c;
        }
        if (bound instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (bound instanceof TypeVariable<?> v) {
            return rawClass(v.getBounds()[0], variable, type);
        }
        throw new IllegalStateException("Cannot tell which model " + type.getName() + " binds type variable "
                + variable + " to (found " + bound + ")");
    }

    /** Creates instances through the no-arg constructor, or explains why there is none. */
    private static Supplier<Object> constructor(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers())) {
            return unsupported(type.getName() + " is abstract: the codec cannot create instances of it");
        }
        MethodHandle handle;
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return unsupported(type.getName() + " has no no-arg constructor: the codec cannot create instances of it");
        }
        try {
            constructor.setAccessible(true);
            handle = MethodHandles.lookup().unreflectConstructor(constructor);
        } catch (IllegalAccessException | RuntimeException e) {
            return unsupported("The no-arg constructor of " + type.getName() + " is not accessible (" + e.getMessage()
                    + "); " + ModuleAdvice.toReach(type, ModuleAdvice.isPublicApi(type, constructor.getModifiers())));
        }
        return () -> {
            try {
                return handle.invoke();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("The constructor of " + type.getName() + " failed", e);
            }
        };
    }

    private static Supplier<Object> unsupported(String message) {
        return () -> {
            throw new UnsupportedOperationException(message);
        };
    }
}
